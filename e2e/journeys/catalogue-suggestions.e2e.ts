import type { Application } from '@tm/shared/schemas/application';
import type { Product } from '@tm/shared/schemas/product';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ACCOUNTS, api, expectAccessible, launch, loggedInPage, logInApi, screenshot } from '../support/browser.ts';

const LEIDEN = 'GM0546';
const suffix = Date.now().toString(36);
const suite = { vendor: `Suggestie${suffix}`, product: `Zaaksysteem${suffix}`, version: '3.1' };
/** A later version, verified through the API for the second journey. */
const later = { ...suite, version: '4.0' };

/** The municipality page's share KPI: how many of the landscape's applications are Common Ground. */
async function compliantCount(page: Page): Promise<number> {
  await page.goto(`/gemeenten/${LEIDEN}`);
  const kpis = page.getByRole('list', { name: 'Aandeel Common Ground' });
  await kpis.getByText(/van [\d.]+ applicaties/).waitFor();
  const [, compliant] = /([\d.]+) van [\d.]+ applicaties/.exec((await kpis.textContent()) ?? '')!;
  return Number(compliant!.replace(/\./g, ''));
}

describe('a verified verdict reaches the CIO as a suggestion', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    const session = await logInApi(E2E_ACCOUNTS.editor.email);
    for (const [name, version] of [['Zaken', suite], ['Vergunningen', suite], ['Belastingen', later], ['Subsidies', later]] as const) {
      const made = await api(`/municipalities/${LEIDEN}/applications`, {
        method: 'POST',
        session,
        body: { name: `${name} ${suffix}`, ...version, status: 'legacy', inUseSince: '2020-01-01' },
      });
      expect(made.status).toBe(201);
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('when a steward verifies the version Common Ground, then the Leiden CIO sees two suggestions, accepts all, and the share moves', { timeout: 600_000 }, async () => {
    const steward = await loggedInPage(browser, E2E_ACCOUNTS.steward.email);
    await steward.goto(`/producten?q=${encodeURIComponent(suite.product)}`);
    await steward.getByRole('link', { name: suite.product, exact: true }).click();
    await steward.getByRole('heading', { level: 1, name: suite.product }).waitFor();
    await steward.getByRole('button', { name: 'Versie 3.1 verifiëren' }).click();
    await steward.getByRole('radio', { name: 'Common Ground', exact: true }).check();
    await steward.getByLabel('Onderbouwing').fill('Release 3.1 levert de ZGW-API’s: https://example.org/zaaksysteem-3-1');
    await steward.getByLabel('Geldt vanaf').fill('2025-03-01');
    await steward.getByRole('button', { name: 'Oordeel verifiëren' }).click();
    await steward.getByText(/Versie 3\.1: uw geverifieerde oordeel is vastgelegd/).waitFor();

    const cio = await loggedInPage(browser, E2E_ACCOUNTS.editor.email);
    const before = await compliantCount(cio);
    const notice = cio.getByRole('region', { name: '2 applicaties wijken af van de geverifieerde beoordeling.' });
    await notice.getByRole('button', { name: 'Bekijk de afwijkingen' }).click();
    const list = notice.getByRole('table', { name: 'Applicaties die afwijken van de geverifieerde beoordeling' });
    for (const name of ['Zaken', 'Vergunningen']) {
      const row = list.getByRole('row', { name: new RegExp(`^${name} ${suffix}`) });
      // The list and its forms load when it is first opened.
      await row.waitFor();
      expect(await row.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining(['Legacy', 'Common Ground', '1 maart 2025']));
    }
    await expectAccessible(cio);
    await screenshot(cio, 'catalogue-suggestions');

    await notice.getByRole('button', { name: 'Alle 2 afwijkingen overnemen' }).click();
    await cio.getByText('Het oordeel is overgenomen voor 2 applicaties.').waitFor();
    await expect.poll(() => compliantCount(cio)).toBe(before + 2);
    // Nothing departs any more: the notice is gone.
    await cio.getByRole('region', { name: /wijken af van de geverifieerde beoordeling/ }).waitFor({ state: 'detached' });
    await expectAccessible(cio);
  });

  it('when an application changed after the list was read, then accepting says so and writes nothing; a decline with a reason reaches the steward', { timeout: 600_000 }, async () => {
    const stewardApi = await logInApi(E2E_ACCOUNTS.steward.email);
    const found = await api<{ items: { id: string }[] }>(`/products?q=${encodeURIComponent(suite.product)}`);
    const product = await api<Product>(`/products/${found.body.items[0]!.id}`);
    const version = product.body.versions.find((v) => v.version === later.version)!;
    const verified = await api(`/product-versions/${version.id}/assessments`, {
      method: 'POST',
      session: stewardApi,
      body: { verdict: 'compliant', evidence: 'https://example.org/zaaksysteem-4-0', effectiveDate: '2025-09-01' },
    });
    expect(verified.status).toBe(201);

    const cio = await loggedInPage(browser, E2E_ACCOUNTS.editor.email);
    await cio.goto(`/gemeenten/${LEIDEN}/inventaris`);
    await cio.getByRole('region', { name: '2 applicaties wijken af van de geverifieerde beoordeling.' }).waitFor();
    // The notice names itself by how many remain, so once a suggestion is declined it is found by its words alone.
    const notice = cio.getByRole('region', { name: /^\d+ applicaties? (wijken|wijkt) af van de geverifieerde beoordeling\.$/ });
    await notice.getByRole('button', { name: 'Bekijk de afwijkingen' }).click();
    await notice.getByRole('row', { name: new RegExp(`^Belastingen ${suffix}`) }).waitFor();

    // Someone else changes Belastingen meanwhile.
    const editorApi = await logInApi(E2E_ACCOUNTS.editor.email);
    const apps = await api<{ items: Application[] }>(`/municipalities/${LEIDEN}/applications?q=${encodeURIComponent(`Belastingen ${suffix}`)}`, { session: editorApi });
    const belastingen = apps.body.items[0]!;
    const current = await api<Application>(`/applications/${belastingen.id}`, { session: editorApi });
    const changed = await api(`/applications/${belastingen.id}`, {
      method: 'PATCH',
      session: editorApi,
      headers: { 'If-Match': current.etag! },
      body: { notes: 'Contract verlengd' },
    });
    expect(changed.status).toBe(200);

    await notice.getByRole('button', { name: 'Alle 2 afwijkingen overnemen' }).click();
    await notice
      .getByRole('alert')
      .getByText(`Er is niets opgeslagen: Belastingen ${suffix} is gewijzigd nadat deze lijst werd geladen. De lijst is opnieuw geladen; kijk haar na en probeer het opnieuw.`)
      .waitFor();
    await expectAccessible(cio, notice);

    await notice.getByRole('button', { name: `Subsidies ${suffix} afwijzen` }).click();
    const decline = notice.getByRole('form', { name: `Suggestie voor Subsidies ${suffix} afwijzen` });
    await decline.getByRole('button', { name: 'Afwijzen' }).click();
    await decline.getByRole('link', { name: 'Reden: Geef aan waarom de suggestie niet van toepassing is.' }).waitFor();
    await decline.getByLabel('Reden').fill('Wij draaien 4.0 met een maatwerkkoppeling zonder de standaard-API’s.');
    await expectAccessible(cio, notice);
    await decline.getByRole('button', { name: 'Afwijzen' }).click();
    await cio.getByText(`U hebt de suggestie voor Subsidies ${suffix} afgewezen; de catalogusbeheerder ziet uw reden.`).waitFor();

    await notice.getByRole('button', { name: `Belastingen ${suffix} overnemen` }).click();
    await cio.getByText('Het oordeel is overgenomen voor 1 applicatie.').waitFor();
    await expect.poll(() => cio.getByRole('combobox', { name: `Status van Belastingen ${suffix}` }).inputValue()).toBe('compliant');

    const steward = await loggedInPage(browser, E2E_ACCOUNTS.steward.email);
    await steward.goto('/catalogus');
    const declines = steward.getByRole('region', { name: `${suite.product}, Versie 4.0` });
    await declines.getByText('Wij draaien 4.0 met een maatwerkkoppeling zonder de standaard-API’s.').waitFor();
    await declines.getByText(/^Afgewezen door .+ op .+\.$/).waitFor();
    await expectAccessible(steward);
    await screenshot(steward, 'catalogue-steward-declines');
  });
});
