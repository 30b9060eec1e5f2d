import type { Application } from '@tm/shared/schemas/application';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ACCOUNTS, E2E_PASSWORD, api, expectAccessible, launch, loggedInPage, logInApi, newPage, screenshot } from '../support/browser.ts';

const CODE = 'GM0546';

/** The municipality page's share KPI: how many of the landscape's applications are Common Ground. */
async function shareBase(page: Page): Promise<{ compliant: number; landscape: number; text: string }> {
  await page.goto(`/gemeenten/${CODE}`);
  const kpis = page.getByRole('list', { name: 'Aandeel Common Ground' });
  await kpis.getByText(/van [\d.]+ applicaties/).waitFor();
  const text = (await kpis.textContent()) ?? '';
  const [, compliant, landscape] = /([\d.]+) van ([\d.]+) applicaties/.exec(text)!;
  const share = /Aandeel Common Ground\s*([\d,]+%)/.exec(text)?.[1] ?? '';
  return { compliant: Number(compliant!.replace(/\./g, '')), landscape: Number(landscape!.replace(/\./g, '')), text: share };
}

describe('a CIO tags many applications at once after an import', () => {
  let browser: Browser;
  let apps: Application[];
  let suffix: string;
  beforeAll(async () => {
    browser = await launch();
    const session = await logInApi(E2E_ACCOUNTS.editor.email);
    suffix = Date.now().toString(36);
    apps = [];
    for (const name of ['Zaken', 'Documenten', 'Burgerzaken', 'Belastingen']) {
      const made = await api<Application>(`/municipalities/${CODE}/applications`, {
        method: 'POST',
        session,
        body: { name: `${name} bulk ${suffix}`, status: 'legacy', inUseSince: '2020-01-01' },
      });
      expect(made.status).toBe(201);
      apps.push(made.body);
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('when they select three rows and set them compliant in one action, then each has a history entry and the share moves', async () => {
    const page = await newPage(browser);
    const before = await shareBase(page);

    await page.goto(`/gemeenten/${CODE}/inventaris?q=${encodeURIComponent(`bulk ${suffix}`)}`);
    await page.getByRole('link', { name: 'Log in om de inventaris te zien.' }).click();
    await page.getByLabel('E-mailadres').fill(E2E_ACCOUNTS.editor.email);
    await page.getByLabel('Wachtwoord').fill(E2E_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inventaris Leiden' }).waitFor();
    const bulk = page.getByRole('region', { name: 'Meerdere applicaties tegelijk wijzigen' });
    await bulk.waitFor();
    await expectAccessible(page);

    // By keyboard: each checkbox takes focus and Space ticks it.
    for (const app of apps.slice(0, 3)) {
      const box = page.getByRole('checkbox', { name: `${app.name} selecteren`, exact: true });
      await box.focus();
      await page.keyboard.press('Space');
      expect(await box.isChecked()).toBe(true);
    }
    await bulk.getByText('3 applicaties geselecteerd').waitFor();
    await bulk.getByLabel('Status', { exact: true }).selectOption({ label: 'Common Ground' });
    await bulk.getByLabel('Ingangsdatum van de wijziging').fill('2025-06-15');
    await expectAccessible(page, bulk);
    await bulk.getByRole('button', { name: '3 applicaties wijzigen…' }).click();

    const dialog = page.getByRole('dialog', { name: '3 applicaties wijzigen?' });
    await dialog.getByText('Status: Common Ground per 15 juni 2025').waitFor();
    await screenshot(page, 'inventory-bulk-confirm');
    await expectAccessible(page, dialog);
    await dialog.getByRole('button', { name: 'Ja, 3 applicaties wijzigen' }).click();
    await page.getByText('Opgeslagen: 3 gewijzigd, 0 ongewijzigd (hadden deze waarden al).').waitFor();
    for (const app of apps.slice(0, 3))
      await expect.poll(() => page.getByRole('combobox', { name: `Status van ${app.name}` }).inputValue()).toBe('compliant');
    expect(await page.getByRole('combobox', { name: `Status van ${apps[3]!.name}` }).inputValue()).toBe('legacy');
    await expectAccessible(page);

    await page.getByRole('button', { name: apps[0]!.name, exact: true }).click();
    const panel = page.getByRole('dialog', { name: `${apps[0]!.name} bewerken` });
    const entry = panel.getByText(/^gewijzigd door .*, per 15 juni 2025$/);
    await entry.waitFor();
    expect(await entry.textContent()).toContain(`gewijzigd door ${E2E_ACCOUNTS.editor.email} op`);
    await panel.getByText('Status: Legacy → Common Ground').waitFor();
    await expectAccessible(page);

    const after = await shareBase(page);
    expect(after.landscape).toBe(before.landscape);
    expect(after.compliant).toBe(before.compliant + 3);
    expect(after.text).not.toBe(before.text);
  });

  it('when they give two rows a reference component by typing and a yearly cost, then both gain it and the history names it', async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.editor.email);
    await page.goto(`/gemeenten/${CODE}/inventaris?q=${encodeURIComponent(`bulk ${suffix}`)}`);
    const bulk = page.getByRole('region', { name: 'Meerdere applicaties tegelijk wijzigen' });
    for (const app of apps.slice(2)) await page.getByRole('checkbox', { name: `${app.name} selecteren`, exact: true }).check();
    await bulk.getByText('2 applicaties geselecteerd').waitFor();

    const components = bulk.getByRole('combobox', { name: 'Referentiecomponenten' });
    await components.pressSequentially('Zaakreg');
    await bulk.getByRole('option', { name: 'Zaakregistratiecomponent' }).waitFor();
    await components.press('ArrowDown');
    await components.press('Enter');
    const how = bulk.getByRole('group', { name: 'Wat gebeurt er met de referentiecomponenten die een applicatie al heeft?' });
    expect(await how.getByLabel('Die blijven; de gekozen komen erbij').isChecked()).toBe(true);
    await bulk.getByLabel('Kosten per jaar (EUR)').fill('12.000');
    await expectAccessible(page, bulk);
    await screenshot(page, 'inventory-bulk-reference-components');
    await bulk.getByRole('button', { name: '2 applicaties wijzigen…' }).click();

    const dialog = page.getByRole('dialog', { name: '2 applicaties wijzigen?' });
    await dialog.getByText('Referentiecomponenten erbij: Zaakregistratiecomponent').waitFor();
    await dialog.getByText(/^Kosten per jaar \(EUR\): €\s12\.000$/).waitFor();
    await dialog.getByRole('button', { name: 'Ja, 2 applicaties wijzigen' }).click();
    await page.getByText('Opgeslagen: 2 gewijzigd, 0 ongewijzigd (hadden deze waarden al).').waitFor();
    for (const app of apps.slice(2)) {
      const row = page.getByRole('row').filter({ hasText: app.name });
      await row.getByText('Zaakregistratiecomponent').waitFor();
      await row.getByText(/€\s12\.000/).waitFor();
    }

    // Focus is at the folded panel; the first click on a row opens it, nothing moves away under the pointer.
    await bulk.getByText('0 applicaties geselecteerd').waitFor();
    expect(await bulk.getByRole('heading', { level: 2 }).evaluate((h) => h === document.activeElement)).toBe(true);
    await page.getByRole('button', { name: apps[3]!.name, exact: true }).click();
    const panel = page.getByRole('dialog', { name: `${apps[3]!.name} bewerken` });
    await panel.getByText(/^Referentiecomponenten: .* → Zaakregistratiecomponent$/).waitFor();
    await expectAccessible(page);
  });

  it('when the inventory is used on a 360 px wide screen with rows selected, then nothing scrolls sideways', async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.editor.email, { width: 360 });
    await page.goto(`/gemeenten/${CODE}/inventaris?q=${encodeURIComponent(`bulk ${suffix}`)}`);
    await page.getByRole('checkbox', { name: 'Alle applicaties op deze pagina selecteren' }).check();
    const bulk = page.getByRole('region', { name: 'Meerdere applicaties tegelijk wijzigen' });
    await bulk.getByText('4 applicaties geselecteerd').waitFor();
    await bulk.getByLabel('Laag', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'inventory-bulk-360');
    await expectAccessible(page);
  });
});
