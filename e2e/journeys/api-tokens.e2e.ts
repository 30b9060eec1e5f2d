import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ACCOUNTS, api, expectAccessible, launch, loggedInPage, logInApi } from '../support/browser.ts';

const suffix = Date.now().toString(36);
const { editor, admin } = E2E_ACCOUNTS;

describe('personal API tokens, and an admin who oversees them', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('when a CIO makes a token that may write, then it is shown once, a script writes with it, and once revoked it no longer works', async () => {
    const page = await loggedInPage(browser, editor.email);
    await page.goto('/');
    await page.getByRole('banner').getByRole('link', { name: 'API-tokens' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn API-tokens' }).waitFor();
    await page.getByLabel('Naam').fill(`Nachtelijke export ${suffix}`);
    await page.getByLabel('Schrijven: gegevens wijzigen, importeren').check();
    await page.getByRole('button', { name: 'Token maken' }).click();
    const created = page.getByRole('heading', { name: `Token "Nachtelijke export ${suffix}" is gemaakt` });
    await created.waitFor();
    const token = (await page.getByLabel('Het nieuwe token').textContent())!.trim();
    expect(token).toMatch(/^tmcg_/);
    const row = page.getByRole('row', { name: new RegExp(`Nachtelijke export ${suffix}`) });
    expect(await row.getByRole('cell').allTextContents()).toContain('lezen, schrijven');
    await expectAccessible(page);

    const script = await api(`/municipalities/${editor.municipalityCodes[0]}/applications`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}` },
      body: { name: `Via een script ${suffix}` },
    });
    expect(script.status).toBe(201);

    await row.getByRole('button', { name: `Token Nachtelijke export ${suffix} intrekken` }).click();
    const dialog = page.getByRole('dialog', { name: `Token "Nachtelijke export ${suffix}" intrekken?` });
    await expectAccessible(page, dialog);
    await dialog.getByRole('button', { name: 'Intrekken' }).click();
    await page.getByText(`Token "Nachtelijke export ${suffix}" is ingetrokken.`).waitFor();
    await row.waitFor({ state: 'detached' });
    expect(await page.getByLabel('Het nieuwe token').count()).toBe(0);
    const refused = await api(`/municipalities/${editor.municipalityCodes[0]}/applications`, { headers: { Authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(401);
  });

  it("when an admin opens Beheer, then every account's tokens are listed with their owner, and the admin revokes one", async () => {
    const session = await logInApi(editor.email);
    const made = await api<{ token: string }>('/users/current/tokens', { method: 'POST', session, body: { name: `Dashboardkoppeling ${suffix}` } });
    expect(made.status).toBe(201);

    const page = await loggedInPage(browser, admin.email);
    await page.goto('/beheer');
    const panel = page.getByRole('region', { name: 'API-tokens van alle gebruikers', exact: true });
    const row = panel.getByRole('row', { name: new RegExp(`Dashboardkoppeling ${suffix}`) });
    await row.waitFor();
    expect(await row.textContent()).toContain(`${editor.name} (${editor.email}, Bewerker)`);
    await expectAccessible(page, panel);
    await row.getByRole('button', { name: `Token Dashboardkoppeling ${suffix} intrekken` }).click();
    const dialog = page.getByRole('dialog', { name: `Token "Dashboardkoppeling ${suffix}" intrekken?` });
    await dialog.getByText(`Het token is van ${editor.name}.`, { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'Intrekken' }).click();
    await panel.getByText(`Token "Dashboardkoppeling ${suffix}" van ${editor.name} is ingetrokken.`).waitFor();
    const refused = await api('/municipalities', { headers: { Authorization: `Bearer ${made.body.token}` } });
    expect(refused.status).toBe(401);
  });
});
