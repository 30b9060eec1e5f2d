import type { Application } from '@tm/shared/schemas/application';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ACCOUNTS, E2E_PASSWORD, api, expectAccessible, launch, loggedInPage, logInApi, newPage, screenshot } from '../support/browser.ts';

const CODE = 'GM0546';

describe('a CIO keeps the inventory current', () => {
  let browser: Browser;
  let zaaksysteem: Application;
  let burgerzaken: Application;
  beforeAll(async () => {
    browser = await launch();
    const session = await logInApi(E2E_ACCOUNTS.editor.email);
    const suffix = Date.now().toString(36);
    const made = await api<Application>(`/municipalities/${CODE}/applications`, {
      method: 'POST',
      session,
      body: {
        name: `Zaaksysteem ${suffix}`, vendor: 'Leverancier A', layer: 'process', status: 'legacy',
        plannedReplacementYear: 2027, annualCost: 12000, inUseSince: '2019-01-01',
      },
    });
    expect(made.status).toBe(201);
    zaaksysteem = made.body;
    burgerzaken = (await api<Application>(`/municipalities/${CODE}/applications`, { method: 'POST', session, body: { name: `Burgerzaken ${suffix}`, vendor: 'Leverancier B', status: 'compliant' } })).body;
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('when they log in and change a status in the table, then it asks since when, saves it and the history shows it', async () => {
    const page = await newPage(browser);
    await page.goto(`/gemeenten/${CODE}/inventaris?q=${encodeURIComponent(zaaksysteem.name)}`);
    await page.getByRole('link', { name: 'Log in om de inventaris te zien.' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await expectAccessible(page);
    await page.getByLabel('E-mailadres').fill(E2E_ACCOUNTS.editor.email);
    await page.getByLabel('Wachtwoord').fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByText(`Ingelogd als ${E2E_ACCOUNTS.editor.name}`).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Inventaris Leiden' }).waitFor();
    const status = page.getByRole('combobox', { name: `Status van ${zaaksysteem.name}` });
    await status.waitFor();
    await expectAccessible(page);

    await status.selectOption({ label: 'Common Ground' });
    const dialog = page.getByRole('dialog', { name: /Status van .* wijzigen naar Common Ground/ });
    await dialog.waitFor();
    await dialog.getByLabel('Sinds wanneer?').fill('2025-06-15');
    // Common Ground leaves nothing to replace and rests on criteria: both are offered with the change.
    expect(await dialog.getByLabel('Ook het geplande vervangjaar (2027) leegmaken').isChecked()).toBe(true);
    expect(await dialog.getByLabel('Daarna het formulier openen om de criteria aan te vinken').isChecked()).toBe(true);
    await expectAccessible(page, dialog);
    await dialog.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await page.getByText(`Status van ${zaaksysteem.name} gewijzigd naar Common Ground per 15 juni 2025.`).waitFor();
    expect(await status.inputValue()).toBe('compliant');

    const panel = page.getByRole('dialog', { name: `${zaaksysteem.name} bewerken` });
    await panel.getByText(/per 15 juni 2025/).waitFor();
    await panel.getByText('Status: Legacy → Common Ground').waitFor();
    await panel.getByText('Gepland vervangjaar: 2027 → (leeg)').waitFor();
    await panel.getByText('Aan welke Common Ground-criteria voldoet ze?').waitFor();
    expect(page.url()).toContain('applicatie=');

    // The successor is found by typing part of its name; the history names it, never by id.
    const successor = panel.getByRole('combobox', { name: 'Vervangen door' });
    await successor.pressSequentially(burgerzaken.name);
    await panel.getByRole('option', { name: new RegExp(`^${burgerzaken.name}`) }).waitFor();
    await successor.press('ArrowDown');
    await successor.press('Enter');
    await panel.getByRole('list', { name: 'Gekozen Vervangen door' }).getByText(burgerzaken.name, { exact: true }).waitFor();
    await panel.getByLabel('Gegevens gescheiden van de applicatie').check();
    await panel.getByRole('button', { name: 'Opslaan' }).click();
    await panel.getByText(`${zaaksysteem.name} is opgeslagen.`).waitFor();
    // After saving, focus is at the drawer's heading, never lost to the page behind it.
    expect(await panel.getByRole('heading', { level: 2 }).evaluate((h) => h === document.activeElement)).toBe(true);
    await panel.getByText(`Vervangen door: (leeg) → ${burgerzaken.name}`).waitFor();
    expect(await panel.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await screenshot(page, 'inventory-panel');
    await expectAccessible(page, panel);

    // Escape closes the drawer; focus goes back to the status it was opened from.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await status.evaluate((s) => s === document.activeElement)).toBe(true);
  });

  it('when they save the form with an empty name, then the error is in Dutch at the field and in the summary', async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.editor.email);
    await page.goto(`/gemeenten/${CODE}/inventaris?applicatie=${zaaksysteem.id}`);
    const panel = page.getByRole('dialog', { name: `${zaaksysteem.name} bewerken` });
    const name = panel.getByLabel('Naam', { exact: true });
    await name.waitFor();
    await name.fill('');
    await panel.getByLabel('Kosten per jaar (EUR)').fill('veel');
    await panel.getByRole('button', { name: 'Opslaan' }).click();
    const summary = panel.getByRole('alert').filter({ hasText: 'Controleer de volgende velden:' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Naam: Vul dit veld in.');
    expect(await summary.textContent()).toContain('Kosten per jaar (EUR): Vul een getal in.');
    expect(await name.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'inventory-form-errors');
    await expectAccessible(page, panel);

    // Someone else changes the application meanwhile: saving reloads it and says so, and nothing is overwritten.
    const session = await logInApi(E2E_ACCOUNTS.editor.email);
    const now = await api<Application>(`/applications/${zaaksysteem.id}`, { session });
    expect((await api(`/applications/${zaaksysteem.id}`, { method: 'PATCH', session, headers: { 'If-Match': now.etag! }, body: { vendor: 'Leverancier Z' } })).status).toBe(200);
    await name.fill(zaaksysteem.name);
    await panel.getByLabel('Kosten per jaar (EUR)').fill('13000');
    await panel.getByRole('button', { name: 'Opslaan' }).click();
    await panel.getByRole('alert').filter({ hasText: 'Iemand anders heeft dit intussen gewijzigd.' }).waitFor();
    await expect.poll(() => panel.getByLabel('Leverancier').inputValue()).toBe('Leverancier Z');
  });

  it("when their computer's clock runs days ahead, then the server's refusal of “today” shows at the field in Dutch, and in English after switching", async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.editor.email);
    // The form accepts the browser's today; only the server, whose today is earlier, can refuse it.
    await page.clock.setFixedTime(new Date(Date.now() + 3 * 86_400_000));
    await page.goto(`/gemeenten/${CODE}/inventaris?applicatie=${burgerzaken.id}`);
    const panel = page.getByRole('dialog', { name: `${burgerzaken.name} bewerken` });
    await panel.getByLabel('Status', { exact: true }).selectOption({ label: 'In transitie' });
    const refusal = (response: { url: () => string; request: () => { method: () => string } }) =>
      response.url().endsWith(`/applications/${burgerzaken.id}`) && response.request().method() === 'PATCH';

    const [dutch] = await Promise.all([page.waitForResponse(refusal), panel.getByRole('button', { name: 'Opslaan' }).click()]);
    expect([dutch.status(), dutch.headers()['content-language']]).toEqual([400, 'nl']);
    expect((await dutch.json()).errors).toEqual([{ path: 'effectiveDate', code: 'validation.futureDate', message: 'Een datum in de toekomst kan niet.' }]);
    const dateField = panel.getByLabel('Ingangsdatum van de wijziging');
    await panel.getByText('Een datum in de toekomst kan niet.').first().waitFor();
    expect(await dateField.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, panel);

    // The drawer keeps the page behind it out of reach: close it, switch, and make the same change again.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto(`/gemeenten/${CODE}/inventaris?applicatie=${burgerzaken.id}`);
    const englishPanel = page.getByRole('dialog', { name: `Edit ${burgerzaken.name}` });
    await englishPanel.getByLabel('Status', { exact: true }).selectOption({ label: 'In transition' });
    const [english] = await Promise.all([page.waitForResponse(refusal), englishPanel.getByRole('button', { name: 'Save' }).click()]);
    expect([english.status(), english.headers()['content-language']]).toEqual([400, 'en']);
    expect((await english.json()).errors).toEqual([{ path: 'effectiveDate', code: 'validation.futureDate', message: 'A date in the future is not possible.' }]);
    await englishPanel.getByText('A date in the future is not possible.').first().waitFor();
    await screenshot(page, 'inventory-server-refusal-english');
  });

  it('when they filter, sort and page, then the address holds it and a reload shows the same view', async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.viewer.email);
    await page.goto(`/gemeenten/${CODE}/inventaris`);
    // The box follows the address, so it turns checked once the address has changed.
    await page.getByRole('checkbox', { name: 'Common Ground' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('compliant');
    await page.getByRole('button', { name: /^Naam/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('-name');
    expect(new URL(page.url()).searchParams.get('status')).toBe('compliant');
    await page.reload();
    expect(await page.getByRole('checkbox', { name: 'Common Ground' }).isChecked()).toBe(true);
    expect(await page.getByRole('columnheader', { name: /Naam/ }).getAttribute('aria-sort')).toBe('descending');
    await expectAccessible(page);
  });

  it('when they add an application with the keyboard alone, picking its reference component by typing, then focus stays in the drawer and returns', async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.editor.email);
    await page.goto(`/gemeenten/${CODE}/inventaris`);
    const add = page.getByRole('button', { name: 'Applicatie toevoegen' });
    await add.focus();
    await page.keyboard.press('Enter');
    const panel = page.getByRole('dialog', { name: 'Applicatie toevoegen' });
    const heading = panel.getByRole('heading', { level: 2, name: 'Applicatie toevoegen' });
    await expect.poll(() => heading.evaluate((h) => h === document.activeElement)).toBe(true);

    const focusedLabel = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? document.activeElement?.textContent ?? '');
    const tabTo = async (label: string) => {
      for (let i = 0; i < 40 && (await focusedLabel()) !== label; i += 1) await page.keyboard.press('Tab');
      expect(await focusedLabel()).toBe(label);
    };
    await tabTo('Naam');
    const name = `Zaakportaal ${Date.now().toString(36)}`;
    await page.keyboard.type(name);
    await tabTo('Referentiecomponenten');
    await page.keyboard.type('Zaakreg');
    await panel.getByRole('option', { name: 'Zaakregistratiecomponent' }).waitFor();
    await expectAccessible(page, panel);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await panel.getByRole('list', { name: 'Gekozen Referentiecomponenten' }).getByText('Zaakregistratiecomponent', { exact: true }).waitFor();

    // Tab and Shift+Tab go round inside the drawer, never into the page behind it.
    for (const key of ['Tab', 'Shift+Tab']) {
      for (let i = 0; i < 45; i += 1) {
        await page.keyboard.press(key);
        expect(await panel.evaluate((d) => d.contains(document.activeElement))).toBe(true);
      }
    }
    await tabTo('Toevoegen');
    await page.keyboard.press('Enter');
    const created = page.getByRole('dialog', { name: `${name} bewerken` });
    await created.getByText(/aangemaakt door/).waitFor();
    await created.getByText('Referentiecomponenten: Zaakregistratiecomponent').waitFor();
    expect(await created.getByRole('heading', { level: 2 }).evaluate((h) => h === document.activeElement)).toBe(true);
    await expectAccessible(page);

    await page.keyboard.press('Escape');
    await created.waitFor({ state: 'detached' });
    expect(await add.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.getByRole('row').filter({ hasText: name }).getByText('Zaakregistratiecomponent').waitFor();
  });
});

describe('a viewer reads an inventory', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('when a viewer opens an inventory, then statuses read as text and nothing offers a change, on a desktop and on a phone', async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.viewer.email);
    await page.goto(`/gemeenten/${CODE}/inventaris`);
    await page.getByText('U kunt deze inventaris bekijken, maar niet bewerken.').waitFor();
    expect(await page.getByRole('button', { name: 'Applicatie toevoegen' }).count()).toBe(0);
    expect(await page.getByRole('combobox', { name: /^Status van/ }).count()).toBe(0);
    expect(await page.getByRole('main').textContent()).not.toContain('Wijzig een status');
    await expectAccessible(page);

    const first = page.getByRole('rowheader').first().getByRole('button');
    const firstName = (await first.textContent()) ?? '';
    await first.click();
    const panel = page.getByRole('dialog').first();
    await panel.getByRole('heading', { level: 3, name: 'Geschiedenis' }).waitFor();
    expect(await panel.getByRole('textbox').count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Opslaan' }).count()).toBe(0);
    expect(await panel.textContent()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(firstName);

    // On a phone: the filters fold behind a toggle, the first rows show on the first screen of the content, and
    // the table says it scrolls sideways, in a region that the keyboard can scroll.
    await page.setViewportSize({ width: 390, height: 844 });
    const toggle = page.getByRole('button', { name: 'Filters tonen' });
    await toggle.waitFor();
    expect(await page.getByRole('checkbox', { name: 'Common Ground' }).isVisible()).toBe(false);
    await page.getByRole('heading', { level: 1 }).evaluate((h) => h.scrollIntoView());
    const firstRow = await page.getByRole('row').nth(1).boundingBox();
    expect(firstRow!.y + firstRow!.height).toBeLessThanOrEqual(844);
    await page.getByText('Schuif de tabel opzij voor meer kolommen').waitFor();
    const table = page.getByRole('region', { name: /^Applicaties van Leiden/ });
    expect(await table.getAttribute('aria-describedby')).toBeTruthy();
    await table.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => table.evaluate((r) => r.scrollLeft)).toBeGreaterThan(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'inventory-390');
    await expectAccessible(page);
    await toggle.click();
    expect(await page.getByRole('button', { name: 'Filters verbergen' }).getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('checkbox', { name: 'Common Ground' }).waitFor();
  });
});
