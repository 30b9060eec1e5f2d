import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ACCOUNTS, api, expectAccessible, launch, loggedInPage, logInApi, newPage, screenshot } from '../support/browser.ts';

const LEIDEN = 'GM0546';
const LEIDERDORP = 'GM0547';
const suffix = Date.now().toString(36);
const brand = `Kwakkel${suffix}`;
/** One suite spelled with two vendor names the normaliser cannot bring together: a possible duplicate. */
const suite = { product: `${brand} Klantcontact Suite`, full: `${brand}huis Gemeentesoftware`, short: `${brand}huis` };
/** Two products that only look alike: the steward tells them apart. */
const lookalikes = { product: `Burgerzaken${suffix} Plus`, one: `Pink${suffix}roccade`, other: `Pink${suffix}roccade Lokaal` };
const zaken = { product: `Zaakregister${suffix}`, vendor: `Zaakleverancier${suffix}`, version: '2.0' };

async function makeApplication(email: string, code: string, body: Record<string, unknown>): Promise<void> {
  const made = await api(`/municipalities/${code}/applications`, {
    method: 'POST',
    session: await logInApi(email),
    body: { status: 'legacy', inUseSince: '2020-01-01', ...body },
  });
  expect(made.status).toBe(201);
}

const workList = (page: Page) => page.getByRole('region', { name: 'Nog niet beoordeeld' });
const duplicates = (page: Page) => page.getByRole('region', { name: 'Mogelijk dubbele producten' });

describe('the catalogue steward works through the catalogue', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    const { editor, sharedService } = E2E_ACCOUNTS;
    // The register runs in Leiden and Leiderdorp; the rest in Leiden only.
    // Reported Common Ground already: the steward's verdict below agrees, so no municipality gets a suggestion of it.
    const register = { vendor: zaken.vendor, product: zaken.product, version: zaken.version, status: 'compliant' };
    await makeApplication(editor.email, LEIDEN, { name: `Zaken ${suffix}`, ...register });
    await makeApplication(sharedService.email, LEIDERDORP, { name: `Zaken ${suffix}`, ...register });
    await makeApplication(editor.email, LEIDEN, { name: `Klantcontact ${suffix}`, vendor: suite.full, product: suite.product, version: '5.2' });
    await makeApplication(sharedService.email, LEIDERDORP, { name: `Klantcontact ${suffix}`, vendor: suite.short, product: suite.product, version: '5.2' });
    await makeApplication(editor.email, LEIDEN, { name: `Burgerzaken ${suffix}`, vendor: lookalikes.one, product: lookalikes.product });
    await makeApplication(sharedService.email, LEIDERDORP, { name: `Burgerzaken ${suffix}`, vendor: lookalikes.other, product: lookalikes.product });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('when someone who is not a steward opens the work list, then the menu does not offer it and the page says who it is for', async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.editor.email);
    await page.goto('/catalogus');
    await page.getByText('Deze werklijst is er voor catalogusbeheerders.').waitFor();
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.getByRole('link').allTextContents()).not.toContain('Catalogus');
    const anonymous = await newPage(browser);
    await anonymous.goto('/catalogus');
    await anonymous.getByRole('link', { name: 'Log in als catalogusbeheerder om de catalogus te beheren.' }).waitFor();
  });

  it('when the steward verifies the most used unjudged version from the work list, then it leaves the list', { timeout: 300_000 }, async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.steward.email);
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await nav.getByRole('link', { name: 'Catalogus' }).click();
    expect(await nav.getByRole('link').allTextContents()).toEqual(['Landelijk beeld', 'Gemeenten', 'Producten', 'Catalogus', 'Mijn instellingen']);
    await page.getByRole('heading', { level: 1, name: 'Catalogus' }).waitFor();
    await workList(page).getByRole('table').waitFor();
    await expectAccessible(page);

    const list = workList(page);
    await list.getByRole('searchbox', { name: 'Zoek een versie zonder oordeel' }).fill(suffix);
    await list.getByRole('button', { name: 'Zoeken' }).click();
    const row = list.getByRole('row', { name: new RegExp(`${zaken.product}, Versie 2\\.0`) });
    // Run by two municipalities, it comes before the suite's versions, each run by one.
    await expect.poll(async () => (await list.getByRole('row').nth(1).textContent()) ?? '').toContain(zaken.product);
    expect(await row.getByRole('cell').allTextContents()).toEqual([zaken.vendor, '2', '2']);

    await row.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: zaken.product }).waitFor();
    await page.getByRole('button', { name: 'Versie 2.0 verifiëren' }).click();
    await page.getByRole('radio', { name: 'Common Ground', exact: true }).check();
    await page.getByLabel('Onderbouwing').fill('Standaard-API’s (ZGW) sinds release 2.0: https://example.org/release-2-0');
    await page.getByRole('button', { name: 'Oordeel verifiëren' }).click();
    await page.getByText(/Versie 2\.0: uw geverifieerde oordeel is vastgelegd/).waitFor();

    await page.goBack();
    await workList(page).getByRole('searchbox', { name: 'Zoek een versie zonder oordeel' }).fill(zaken.product);
    await workList(page).getByRole('button', { name: 'Zoeken' }).click();
    await workList(page).getByText('Geen versie zonder oordeel gevonden voor deze woorden.').waitFor();
  });

  it('when the steward merges one spelling of a suite into the other and tells two look-alikes apart, then both pairs leave the list', { timeout: 300_000 }, async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.steward.email);
    await page.goto('/catalogus');
    const list = duplicates(page);
    const merge = list.getByRole('button', { name: `${suite.product} (${suite.short}) opnemen in ${suite.product} (${suite.full})` });
    await merge.click();
    const dialog = page.getByRole('dialog', { name: `${suite.product} (${suite.short}) opnemen in ${suite.product} (${suite.full})?` });
    await dialog.getByText('1 applicatie').waitFor();
    await expectAccessible(page, dialog);
    await dialog.getByRole('button', { name: 'Samenvoegen' }).click();
    await list.getByText(`${suite.product} (${suite.short}) is opgenomen in ${suite.product} (${suite.full}); 1 applicatie verhuisd.`).waitFor();
    await merge.waitFor({ state: 'detached' });

    const distinct = list.getByRole('button', { name: new RegExp(`^${lookalikes.product} \\(${lookalikes.one}( Lokaal)?\\) en ${lookalikes.product} \\(${lookalikes.one}( Lokaal)?\\) zijn verschillend$`) });
    await distinct.click();
    await list.getByText(/gelden voortaan als verschillende producten\./).waitFor();
    await distinct.waitFor({ state: 'detached' });
    await expectAccessible(page);
    await screenshot(page, 'catalogue-steward-work-list');

    // The merged suite's page now has both municipalities' applications under the one product.
    const products = await api<{ items: { name: string; vendor: string; municipalityCount: number }[] }>(`/products?q=${encodeURIComponent(suite.product)}`);
    expect(products.body.items.filter((p) => p.name === suite.product).map((p) => [p.vendor, p.municipalityCount])).toEqual([[suite.full, 2]]);
  });
});
