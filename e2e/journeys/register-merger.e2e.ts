import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ACCOUNTS, api, expectAccessible, launch, loggedInPage, logInApi, screenshot } from '../support/browser.ts';

const suffix = Date.now().toString(36);
/** Two small island municipalities that no other journey uses; the merger is undone at the end. */
const SCHIERMONNIKOOG = 'GM0088';
const TERSCHELLING = 'GM0093';
const NEW_CODE = 'GM9201';

/** The national chart as its table shows it: every month's share, target and base. */
async function nationalChart(page: Page): Promise<string[]> {
  await page.goto('/');
  const trend = page.getByRole('region', { name: 'Aandeel Common Ground tegen het doel', exact: true });
  await trend.getByRole('button', { name: 'Toon als tabel' }).click();
  const table = trend.getByRole('table');
  await table.waitFor();
  return table.getByRole('row').allTextContents();
}

describe('an admin registers a municipal merger', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    const admin = await logInApi(E2E_ACCOUNTS.admin.email);
    const editor = { email: `cio.${suffix}@wadden.e2e.local`, name: `CIO Wadden ${suffix}`, role: 'editor', municipalityCodes: [SCHIERMONNIKOOG, TERSCHELLING], password: 'een-lang-wachtwoord-2026' };
    expect((await api('/users', { method: 'POST', session: admin, body: editor })).status).toBe(201);
    const session = await logInApi(editor.email, editor.password);
    for (const [code, name, status, since] of [
      [SCHIERMONNIKOOG, 'Zaken Schiermonnikoog', 'compliant', '2020-03-01'],
      [TERSCHELLING, 'Zaken Terschelling', 'legacy', '2019-06-01'],
    ] as const) {
      const made = await api(`/municipalities/${code}/applications`, { method: 'POST', session, body: { name: `${name} ${suffix}`, status, inUseSince: since } });
      expect(made.status).toBe(201);
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('when the admin registers a merger in Beheer, then the national chart is unchanged, the old municipality says where it went, and undoing brings it back', async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.admin.email);
    const before = await nationalChart(page);

    await page.goto('/beheer');
    const panel = page.getByRole('region', { name: 'Herindelingen', exact: true });
    await panel.getByText('Er zijn nog geen herindelingen geregistreerd.').waitFor();
    await panel.getByLabel('Ingangsdatum').fill('2026-01-01');
    const from = panel.getByRole('combobox', { name: 'Gemeenten die samengaan' });
    for (const name of ['Schiermonnikoog', 'Terschelling']) {
      await from.fill(name);
      await panel.getByRole('option', { name: new RegExp(`^${name}`) }).click();
    }
    await panel.getByLabel('CBS-code van de nieuwe gemeente').fill(NEW_CODE);
    await panel.getByLabel('Naam van de nieuwe gemeente').fill('Waddengemeente');
    await panel.getByLabel('Provincie').selectOption({ label: 'Fryslân' });
    await panel.getByRole('button', { name: 'Herindeling registreren' }).click();
    await panel.getByText('Waddengemeente is geregistreerd per 1 januari 2026; 2 applicaties zijn meeverhuisd.').waitFor();
    const year = panel.getByRole('list', { name: 'Herindelingen in 2026' });
    expect(await year.textContent()).toContain('Schiermonnikoog (GM0088), Terschelling (GM0093) gingen op in Waddengemeente (GM9201)');
    await screenshot(page, 'register-merger');
    await expectAccessible(page, panel);

    expect(await nationalChart(page)).toEqual(before);

    await page.goto(`/gemeenten/${SCHIERMONNIKOOG}`);
    await page.getByRole('heading', { level: 1, name: 'Schiermonnikoog' }).waitFor();
    await page
      .getByText('Schiermonnikoog is per 1 januari 2026 opgegaan in Waddengemeente. De cijfers hieronder zijn die van de laatste dag, 31 december 2025.')
      .waitFor();
    // Its past is still there: the application it had counts on its last day.
    expect(await page.getByRole('list', { name: 'Aandeel Common Ground' }).textContent()).toMatch(/1 van 1 applicaties/);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Naar Waddengemeente' }).click();
    await page.getByRole('heading', { level: 1, name: 'Waddengemeente' }).waitFor();
    await expect.poll(() => page.getByRole('list', { name: 'Aandeel Common Ground' }).textContent()).toMatch(/1 van 2 applicaties/);

    await page.goto('/beheer');
    await panel.getByRole('button', { name: 'Waddengemeente terugdraaien' }).click();
    const dialog = page.getByRole('dialog', { name: 'Herindeling tot Waddengemeente terugdraaien?' });
    await dialog.getByRole('button', { name: 'Terugdraaien' }).click();
    await panel.getByText('De herindeling tot Waddengemeente is teruggedraaid.').waitFor();
    expect(await panel.getByRole('list', { name: 'Herindelingen in 2026' }).textContent()).toContain('Teruggedraaid door');

    await page.goto(`/gemeenten/${SCHIERMONNIKOOG}`);
    await page.getByRole('heading', { level: 1, name: 'Schiermonnikoog' }).waitFor();
    await page.getByRole('link', { name: 'Inventaris', exact: true }).waitFor();
    expect(await page.getByText(/opgegaan in/).count()).toBe(0);
    expect(await nationalChart(page)).toEqual(before);
  });
});
