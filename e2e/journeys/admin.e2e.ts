import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ACCOUNTS, E2E_PASSWORD, api, expectAccessible, launch, loggedInPage, logInApi, newPage, screenshot } from '../support/browser.ts';

const suffix = Date.now().toString(36);
const newEditor = { email: `cio.${suffix}@leiden.e2e.local`, name: `CIO Leiden ${suffix}`, password: 'een-lang-wachtwoord-2026' };

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

const targetToday = (page: Page) => page.getByRole('listitem').filter({ hasText: 'Doel vandaag' }).locator('.tm-kpi__value');

/** Nothing scrolls sideways: the page is no wider than the window. */
async function expectNoHorizontalScroll(page: Page): Promise<void> {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

describe('an admin manages accounts and the programme settings', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    // The national picture shows targets only once some municipality has a landscape.
    const session = await logInApi(E2E_ACCOUNTS.editor.email);
    const made = await api(`/municipalities/${E2E_ACCOUNTS.editor.municipalityCodes[0]}/applications`, {
      method: 'POST',
      session,
      body: { name: `Zaaksysteem ${suffix}`, vendor: 'Leverancier A', status: 'legacy', inUseSince: '2019-01-01' },
    });
    expect(made.status).toBe(201);
  });
  afterAll(async () => {
    // The other journeys read the national picture against the default rate.
    const session = await logInApi(E2E_ACCOUNTS.admin.email);
    await api('/settings', { method: 'PUT', session, body: { programmeStart: '2021-01-01', annualRate: 0.1 } });
    await browser?.close();
  });

  it('when an anonymous visitor opens Beheer, then it says no access and offers the log-in that leads back', async () => {
    const page = await newPage(browser);
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Landelijk beeld' }).waitFor();
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Landelijk beeld', 'Gemeenten', 'Producten']);
    await page.goto('/beheer');
    await page.getByRole('heading', { level: 2, name: 'Geen toegang' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Log in als beheerder om gebruikers en instellingen te beheren.' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await logIn(page, E2E_ACCOUNTS.admin.email, E2E_PASSWORD);
    await page.getByRole('heading', { level: 2, name: 'Gebruikers en rollen' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/beheer');
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Landelijk beeld', 'Gemeenten', 'Producten', 'Meldingen', 'Beheer', 'Mijn instellingen']);
    await page.getByRole('button', { name: E2E_ACCOUNTS.editor.name, exact: true }).waitFor();
    await expectAccessible(page);
  });

  it('when the admin creates an editor for Leiden, then the account is listed, a second one with that address is refused at the field, and the editor can log in', { timeout: 600_000 }, async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.admin.email);
    await page.goto('/beheer');
    const users = page.getByRole('region', { name: 'Gebruikers en rollen', exact: true });
    await users.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    const drawer = page.getByRole('dialog', { name: 'Gebruiker toevoegen' });
    await drawer.getByLabel('E-mailadres').fill(newEditor.email);
    await drawer.getByLabel('Naam', { exact: true }).fill(newEditor.name);
    await drawer.getByLabel('Rol').selectOption({ label: 'Bewerker' });
    const picker = drawer.getByRole('combobox', { name: 'Gemeenten' });
    await picker.fill('Leid');
    await drawer.getByRole('option', { name: /^Leiden Zuid-Holland/ }).waitFor();
    await expectAccessible(page, drawer);
    await picker.press('Enter');
    await drawer.getByRole('list', { name: 'Gekozen Gemeenten' }).getByText('Leiden', { exact: true }).waitFor();
    await drawer.getByLabel('Wachtwoord').fill(newEditor.password);
    await drawer.getByRole('button', { name: 'Gebruiker toevoegen' }).click();

    // The drawer stays open on the new account and says so itself: the page behind it is inert while it is open.
    const edit = page.getByRole('dialog', { name: `${newEditor.name} bewerken` });
    await edit.getByText(`Gebruiker ${newEditor.name} is toegevoegd.`).waitFor();
    expect(await edit.getByRole('heading', { level: 2 }).evaluate((h) => h === document.activeElement)).toBe(true);
    await screenshot(page, 'admin-user-created');
    await edit.getByRole('button', { name: 'Sluiten' }).click();
    // Focus goes back to the button that opened the drawer.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Gebruiker toevoegen');
    const row = users.getByRole('row').filter({ has: page.getByRole('button', { name: newEditor.name }) });
    expect(await row.textContent()).toContain('Leiden');
    expect(await row.textContent()).toContain('Bewerker');
    const audit = page.getByRole('region', { name: 'Logboek', exact: true });
    await audit.getByRole('row').filter({ hasText: 'gebruiker toegevoegd' }).filter({ hasText: `Gebruiker: ${newEditor.name}` }).waitFor();

    await users.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    const again = page.getByRole('dialog', { name: 'Gebruiker toevoegen' });
    await again.getByLabel('E-mailadres').fill(newEditor.email.toUpperCase());
    await again.getByLabel('Naam', { exact: true }).fill('Dubbel');
    await again.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    await again.getByRole('alert').filter({ hasText: 'E-mailadres: Er bestaat al een account met dit e-mailadres.' }).waitFor();
    expect(await again.getByLabel('E-mailadres').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, again);

    // The new CIO logs in from the home page and lands on their municipality, with no Beheer to be refused at.
    const editorPage = await newPage(browser);
    await editorPage.goto('/');
    await editorPage.getByRole('link', { name: 'Inloggen' }).click();
    await logIn(editorPage, newEditor.email, newEditor.password);
    await editorPage.getByText(`Ingelogd als ${newEditor.name}`).waitFor();
    await editorPage.getByRole('heading', { level: 1, name: 'Leiden' }).waitFor();
    expect(new URL(editorPage.url()).pathname).toBe('/gemeenten/GM0546');
    const nav = editorPage.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Landelijk beeld', 'Gemeenten', 'Producten', 'Mijn gemeente', 'Meldingen', 'Mijn instellingen']);
    expect(await nav.getByRole('link', { name: 'Mijn gemeente' }).getAttribute('aria-current')).toBe('page');
    await editorPage.getByRole('link', { name: 'Inventaris', exact: true }).click();
    await editorPage.getByRole('button', { name: 'Applicatie toevoegen' }).waitFor();
    await expectAccessible(editorPage);
    await editorPage.goto('/beheer');
    await editorPage.getByText('Gebruikers en instellingen beheert alleen een beheerder.', { exact: false }).waitFor();
  });

  it('when an editor of two municipalities logs in, then they choose one, and the header switches to the same screen of the other', async () => {
    const page = await newPage(browser);
    await page.goto('/inloggen');
    await logIn(page, E2E_ACCOUNTS.sharedService.email, E2E_PASSWORD);
    await page.getByRole('heading', { level: 1, name: 'Mijn gemeenten' }).waitFor();
    const choices = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) });
    await expect.poll(() => choices.getByRole('heading', { level: 2 }).allTextContents()).toEqual(['Leiden', 'Leiderdorp']);
    await choices.filter({ hasText: 'Leiden' }).getByText(/\d+(,\d)?% \(\d+ van \d+ applicaties\)/).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Inventaris van Leiderdorp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inventaris Leiderdorp' }).waitFor();

    const switcher = page.getByRole('button', { name: 'Gemeente: Leiderdorp' });
    await switcher.click();
    const leiden = page.getByRole('link', { name: 'Leiden', exact: true });
    await expectAccessible(page, page.locator('.tm-switcher'));
    await page.keyboard.press('Escape');
    expect(await switcher.getAttribute('aria-expanded')).toBe('false');
    expect(await switcher.evaluate((e) => e === document.activeElement)).toBe(true);
    await switcher.click();
    await leiden.click();
    await page.getByRole('heading', { level: 1, name: 'Inventaris Leiden' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/gemeenten/GM0546/inventaris');
    await page.getByRole('button', { name: 'Gemeente: Leiden' }).waitFor();
  });

  it('when the admin changes the annual rate, then the national target moves and the audit trail records it', { timeout: 600_000 }, async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.admin.email);
    await page.goto('/');
    const before = await targetToday(page).textContent();
    await page.getByRole('link', { name: 'Beheer' }).click();
    const settings = page.getByRole('region', { name: 'Programma-instellingen' });
    const rate = settings.getByLabel('Jaarlijks tempo (% van het landschap per jaar)');
    expect(await rate.inputValue()).toBe('10');
    await rate.fill('150');
    await settings.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await settings.getByRole('alert').filter({ hasText: 'Ten hoogste 100% per jaar.' }).waitFor();
    await expectAccessible(page, settings);
    await rate.fill('12,5');
    await settings.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await settings.getByText(/Opgeslagen: programmastart 1 januari 2021, tempo 12,5% per jaar/).waitFor();

    const audit = page.getByRole('region', { name: 'Logboek', exact: true });
    const changed = audit.getByRole('row').filter({ hasText: 'instellingen gewijzigd' }).first();
    await changed.waitFor();
    // In words: the field as the form names it, never its key.
    expect(await changed.textContent()).toContain('Jaarlijks tempo');
    expect(await changed.textContent()).not.toContain('annualRate');
    await audit.getByLabel('Categorie').selectOption({ label: 'Instellingen' });
    await audit.getByLabel('Gebruiker').selectOption({ label: `${E2E_ACCOUNTS.admin.name} (${E2E_ACCOUNTS.admin.email})` });
    await expect.poll(async () => (await audit.getByRole('row').allTextContents()).slice(1).every((row) => row.includes('instellingen gewijzigd'))).toBe(true);
    await expectAccessible(page);

    // Log-ins on their own tab, reached by keyboard as a tab list is.
    await audit.getByRole('tab', { name: 'Wijzigingen' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await audit.getByRole('tab', { name: 'Inloggen' }).getAttribute('aria-selected')).toBe('true');
    await audit.getByRole('row').filter({ hasText: 'ingelogd' }).first().waitFor();
    expect(await audit.getByRole('row').filter({ hasText: 'instellingen gewijzigd' }).count()).toBe(0);
    const download = page.waitForEvent('download');
    await audit.getByRole('button', { name: 'Download het logboek als CSV (met deze filters)' }).click();
    const csv = await readFile((await (await download).path())!, 'utf8');
    expect(csv.split('\r\n')[0]).toBe('\uFEFFWanneer;Wie;Wat;Onderwerp;Gemeente;Gewijzigde velden');
    expect(csv).toContain(';ingelogd;');
    await screenshot(page, 'admin-audit-logins');
    await expectAccessible(page);

    // Within the same visit: the dashboard must not show the target it had in its cache.
    await page.getByRole('link', { name: 'Landelijk beeld' }).click();
    await page.getByText('Doel (12,5% per jaar)').first().waitFor();
    await expect.poll(() => targetToday(page).textContent()).not.toBe(before);
    await expectAccessible(page);
  });

  it('when the admin looks up a municipality in the register, then a search and pages stand in for 342 rows; a user without a password is said to be single sign-on only', async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.admin.email);
    await page.goto('/beheer');
    const register = page.getByRole('region', { name: 'Gemeenteregister', exact: true });
    const table = register.getByRole('table');
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(26);
    expect(await register.getByRole('navigation', { name: 'Pagina’s van het gemeenteregister' }).textContent()).toContain('Pagina 1 van');
    await register.getByLabel('Zoek op naam, CBS-code of provincie').fill('leiderd');
    await register.getByRole('status').filter({ hasText: '1 gemeente' }).waitFor();
    expect(await table.getByRole('row').nth(1).textContent()).toContain('GM0547');
    expect(await table.getByRole('columnheader', { name: 'Opgegaan in' }).count()).toBe(1);
    await expectAccessible(page, register);

    await page.getByRole('region', { name: 'Gebruikers en rollen', exact: true }).getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    const drawer = page.getByRole('dialog', { name: 'Gebruiker toevoegen' });
    const sso = drawer.getByRole('status').filter({ hasText: 'Zonder wachtwoord kan deze gebruiker alleen inloggen via single sign-on' });
    await sso.waitFor();
    await drawer.getByLabel('Wachtwoord').fill('een-lang-wachtwoord-2026');
    await expect.poll(() => sso.count()).toBe(0);
    await expectAccessible(page, drawer);
  });

  it('when the admin works on a 360 px wide phone, then Beheer does not scroll sideways', async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.admin.email, { width: 360 });
    await page.goto('/beheer');
    await page.getByRole('button', { name: E2E_ACCOUNTS.editor.name, exact: true }).waitFor();
    await page.getByRole('region', { name: 'Logboek', exact: true }).getByRole('table').waitFor();
    await expectNoHorizontalScroll(page);
    await page.getByRole('region', { name: 'Gebruikers en rollen', exact: true }).getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    const drawer = page.getByRole('dialog', { name: 'Gebruiker toevoegen' });
    await drawer.getByLabel('Rol').selectOption({ label: 'Bewerker' });
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'admin-360');
    await expectAccessible(page, drawer);
  });
});
