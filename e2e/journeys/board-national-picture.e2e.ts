import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ACCOUNTS, api, expectAccessible, expectOwnFonts, launch, loggedInPage, logInApi, newPage, screenshot } from '../support/browser.ts';

describe('the programme board reads the national picture and opens a municipality', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    const session = await logInApi(E2E_ACCOUNTS.editor.email);
    for (const [name, status] of [['Portaal', 'compliant'], ['Zaken', 'legacy'], ['Burgerzaken', 'in_transition']] as const) {
      const made = await api(`/municipalities/GM0546/applications`, {
        method: 'POST',
        session,
        body: { name: `${name} landelijk`, status, layer: 'process', inUseSince: '2020-01-01' },
      });
      expect(made.status).toBe(201);
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('when the board opens the national picture, then KPIs, the chart and the map show, and Leiden opens from the list', async () => {
    const page = await newPage(browser);
    await page.goto('/');
    const kpis = page.getByRole('list', { name: 'Landelijk beeld' });
    await kpis.waitFor();
    expect(await kpis.textContent()).toMatch(/Aandeel Common Ground.*%/);
    // The share as reported beside the share the catalogue's verified verdicts give, and what the difference means.
    const verified = page.getByRole('region', { name: 'Gemeld en geverifieerd' });
    expect(await verified.getByRole('list').textContent()).toMatch(/Gemeld aandeel[\d,]+%Geverifieerd aandeel[\d,]+%Met geverifieerd oordeel[\d,]+%[\d.]+ applicaties? wijk/);
    await verified.getByText(/^Het gemelde aandeel volgt de status die elke gemeente zelf opgeeft\..*(lager|hoger|gelijk)/).waitFor();
    // Open before the page's accessibility check, so that it checks the explanation too.
    await page.getByText('Hoe werken doel en status?').click();
    expect(await page.locator('details', { hasText: 'Hoe werken doel en status?' }).textContent()).toMatch(
      /Het landelijk doel begint bij het landelijk aandeel .*Elke gemeente heeft een eigen doel en termijn/,
    );
    // The map is drawn as it comes into view.
    const map = page.getByRole('region', { name: 'Kaart: aandeel per gemeente' });
    await map.scrollIntoViewIfNeeded();
    await map.getByRole('img', { name: 'Kaart: aandeel per gemeente' }).waitFor();
    await screenshot(page, 'national');
    await expectAccessible(page);
    // After expectAccessible, which has drawn every chart: their axes and legends count too.
    await expectOwnFonts(page);

    const trend = page.getByRole('region', { name: 'Aandeel Common Ground tegen het doel', exact: true });
    await trend.getByRole('button', { name: 'Toon als tabel' }).click();
    await trend.getByRole('table').waitFor();
    await expectAccessible(page, trend);

    // How current the inventories are: a count among the KPIs, and a layer of the map kept in the address.
    expect(await kpis.textContent()).toMatch(/Actuele inventarissen\s*[\d.]+ van [\d.]+/);
    await page.getByLabel('Kleur de kaart naar').selectOption({ label: 'Actualiteit van de inventaris' });
    await expect.poll(() => new URL(page.url()).searchParams.get('kaart')).toBe('actualiteit');
    const freshness = page.getByRole('region', { name: 'Kaart: actualiteit van de inventarissen' });
    await freshness.getByRole('img', { name: 'Kaart: actualiteit van de inventarissen' }).waitFor();
    expect(await freshness.getByRole('list', { name: 'Legenda' }).textContent()).toBe('ActueelVerouderdNooit bevestigd');
    await screenshot(page, 'national-freshness');
    await expectAccessible(page, freshness);

    await page.getByRole('button', { name: 'Toon als lijst' }).click();
    await page.getByRole('link', { name: 'Leiden', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Leiden' }).waitFor();
    await page.getByRole('list', { name: 'Aandeel Common Ground' }).waitFor();
    await screenshot(page, 'municipality');
    await expectAccessible(page);
    await expectOwnFonts(page);
  });
});

describe('a municipality compares itself with its peers', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    // Leiden still runs as legacy the very product Leiderdorp counts as Common Ground, beside a product it does not run.
    const session = await logInApi(E2E_ACCOUNTS.sharedService.email);
    const components = (await api<{ items: { id: string; name: string }[] }>('/reference-components')).body.items;
    const zaak = components.find((c) => c.name === 'Zaakregistratiecomponent')!.id;
    const made = [
      ['GM0546', { name: 'Zaaksysteem vergelijken', product: 'Corsa', vendor: 'Decos', status: 'legacy', layer: 'process' }],
      ['GM0547', { name: 'Zaken', product: 'Corsa', vendor: 'Decos', status: 'compliant', layer: 'process' }],
      ['GM0547', { name: 'Zaken nieuw', product: 'Open Zaak', vendor: 'Maykin', status: 'compliant', layer: 'process' }],
    ] as const;
    for (const [code, body] of made) {
      const response = await api(`/municipalities/${code}/applications`, {
        method: 'POST',
        session,
        body: { ...body, referenceComponentIds: [zaak], inUseSince: '2020-01-01' },
      });
      expect(response.status).toBe(201);
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('when Leiden picks a peer group, then the address keeps it and the ranking marks Leiden', async () => {
    const page = await loggedInPage(browser, E2E_ACCOUNTS.viewer.email);
    await page.goto('/gemeenten/GM0546/vergelijken');
    await page.getByRole('heading', { level: 1, name: 'Vergelijken: Leiden' }).waitFor();
    await page.getByLabel('Vergelijk met').selectOption({ label: 'Zelfde provincie' });
    await expect.poll(() => new URL(page.url()).searchParams.get('groep')).toBe('province');
    const mine = page.locator('tr[aria-current="true"]');
    await mine.waitFor();
    expect(await mine.textContent()).toContain('Leiden');

    // One list of catalogue products per card, each with how it is judged, and the product Leiden runs as legacy
    // explained where it is listed.
    const card = page.getByRole('article', { name: 'Zaakregistratiecomponent' });
    await card.getByText(/^Voor de Zaakregistratiecomponent gebruikt 1 van de \d+ andere gemeenten in de groep al een Common Ground-oplossing:$/).waitFor();
    expect(await card.getByRole('listitem').filter({ has: page.locator('summary') }).locator('summary').allTextContents()).toEqual([
      'Corsa · Decos (1 gemeente) – Niet beoordeeld – bij u legacy',
      'Open Zaak · Maykin (1 gemeente) – Niet beoordeeld',
    ]);
    await card.getByText(/^Corsa gebruikt u ook, maar telt u als legacy/).waitFor();
    await card.getByText('Corsa · Decos (1 gemeente)').click();
    await card.getByRole('link', { name: 'Leiderdorp' }).waitFor();
    await card.getByRole('link', { name: 'Productpagina van Corsa: versies en oordelen' }).waitFor();

    await page.getByLabel('Laag van uw applicatie').selectOption('process');
    await expect.poll(() => new URL(page.url()).searchParams.get('laag')).toBe('process');
    await card.waitFor();
    await page.getByLabel('Laag van uw applicatie').selectOption('all');
    await card.waitFor();
    await screenshot(page, 'compare');
    await expectAccessible(page);
  });
});
