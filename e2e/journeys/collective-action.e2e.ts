import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ACCOUNTS, api, expectAccessible, launch, loggedInPage, logInApi, newPage, screenshot, scrollThrough } from '../support/browser.ts';

const thisYear = new Date().getUTCFullYear();
const VENDOR = 'Samenwerk B.V.';
const PRODUCT = 'Samenzaak Suite met een lange productnaam die nergens wordt afgekapt';

describe('the board finds the products that hold municipalities back, and an editor joins a coalition to replace one', () => {
  let browser: Browser;
  let productId: string;
  beforeAll(async () => {
    browser = await launch();
    // Leiden and Leiderdorp (Zuid-Holland) still run the product as legacy; Leiderdorp plans to replace it.
    const shared = await logInApi(E2E_ACCOUNTS.sharedService.email);
    for (const [code, plannedReplacementYear] of [['GM0546', null], ['GM0547', thisYear + 2]] as const) {
      const made = await api(`/municipalities/${code}/applications`, {
        method: 'POST',
        session: shared,
        body: { name: 'Zaken samen', vendor: VENDOR, product: PRODUCT, status: 'legacy', layer: 'process', inUseSince: '2019-01-01', plannedReplacementYear },
      });
      expect(made.status).toBe(201);
    }
    const found = await api<{ items: { id: string; name: string }[] }>(`/products?q=${encodeURIComponent('Samenzaak Suite')}`);
    productId = found.body.items.find((p) => p.name === PRODUCT)!.id;
    // Leiderdorp starts a coalition; Leiden is not in it yet.
    const started = await api('/coalitions', {
      method: 'POST',
      session: shared,
      body: { name: 'Samen zaakgericht Holland Rijnland', productId, targetYear: thisYear + 2, description: 'Eén aanbesteding voor de regio.', municipalityCode: 'GM0547' },
    });
    expect(started.status).toBe(201);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('when the board filters the blockers by province, then the product shows with its share and full name, and opens', async () => {
    const page = await newPage(browser);
    await page.goto('/');
    const panel = page.getByRole('region', { name: 'Producten die gemeenten tegenhouden', exact: true });
    await panel.scrollIntoViewIfNeeded();
    await panel.getByLabel('Provincie').selectOption('Zuid-Holland');
    const row = panel.getByRole('row', { name: new RegExp(PRODUCT) });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Samenwerk B\.V\..*2.*%/);
    // The bar's label is the whole name, not cut off.
    expect(await panel.getByRole('img').textContent()).toContain(PRODUCT);
    await screenshot(page, 'blocking-products');
    await expectAccessible(page);

    await panel.getByLabel('Provincie').selectOption('Groningen');
    await expect.poll(() => panel.getByRole('row', { name: new RegExp(PRODUCT) }).count()).toBe(0);
    await panel.getByLabel('Provincie').selectOption('Zuid-Holland');
    await panel.getByRole('link', { name: new RegExp(PRODUCT) }).click();
    await page.getByRole('heading', { level: 1, name: PRODUCT }).waitFor();
    expect(await page.getByText(/Nog legacy bij 2 gemeenten/).textContent()).toMatch(/Geplande vervanging: .*: 1/);
    await expectAccessible(page);
  });

  it('when an editor of Leiden joins the coalition, then Leiden is a member and its page says it takes part', async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.editor.email);
    await page.goto(`/producten/${productId}`);
    const coalition = page.getByRole('article', { name: 'Samen zaakgericht Holland Rijnland' });
    await coalition.waitFor();
    expect(await coalition.textContent()).toMatch(/0 van 1 lid heeft het product vervangen/);
    await coalition.getByRole('button', { name: 'Leiden doet mee' }).click();
    await coalition.getByRole('button', { name: 'Leiden stapt uit' }).waitFor();
    expect(await coalition.getByRole('list', { name: 'Leden' }).textContent()).toMatch(/Leiden: nog niet vervangen.*Leiderdorp: nog niet vervangen/);
    await screenshot(page, 'product-coalition');
    await expectAccessible(page);

    await page.goto('/gemeenten/GM0546');
    await page.getByText('Leiden doet mee aan:').waitFor();
    await page.getByRole('link', { name: 'Samen zaakgericht Holland Rijnland' }).waitFor();
    await expectAccessible(page);
    // The charts draw as they come into view; the plan marks the coalition's target year, even after Leiden's deadline.
    await scrollThrough(page);
    await page.getByText('Doeljaar Samen zaakgericht Holland Rijnland').waitFor();
  });

  it('when the coordinator describes the coalition, then everyone reads the new words', async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.sharedService.email);
    await page.goto(`/producten/${productId}`);
    const coalition = page.getByRole('article', { name: 'Samen zaakgericht Holland Rijnland' });
    await coalition.getByRole('button', { name: 'Beschrijving aanpassen' }).click();
    const form = coalition.getByRole('form', { name: 'Coalitie Samen zaakgericht Holland Rijnland beschrijven' });
    await form.getByLabel('Beschrijving').fill('Eén aanbesteding, gunning in het voorjaar.');
    await expectAccessible(page, form);
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await coalition.getByText('Eén aanbesteding, gunning in het voorjaar.').waitFor();
    // Only the coordinator is offered the change.
    const other = await loggedInPage(browser, E2E_ACCOUNTS.editor.email);
    await other.goto(`/producten/${productId}`);
    await other.getByText('Eén aanbesteding, gunning in het voorjaar.').waitFor();
    expect(await other.getByRole('button', { name: 'Beschrijving aanpassen' }).count()).toBe(0);
  });
});
