import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ACCOUNTS, api, expectAccessible, launch, logInApi, newPage, screenshot } from '../support/browser.ts';

/** Every chart and the map drawn: an SVG with marks in each chart box, and no box still holding a chart's place. */
async function everyChartDrawn(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const boxes = Array.from(document.querySelectorAll('.tm-chart'));
    const drawn = boxes.every((box) => box.querySelector('svg path, svg rect') !== null);
    const map = document.querySelector('.tm-map path') !== null && document.querySelector('.tm-map--placeholder') === null;
    return boxes.length > 0 && drawn && map;
  });
}

describe('the programme board prints the national page and opens a group of municipalities', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    // Leiden (Zuid-Holland) well on its way; Leiderdorp (Zuid-Holland) not yet.
    const session = await logInApi(E2E_ACCOUNTS.sharedService.email);
    const made = [
      ['GM0546', 'Zaken groep', 'compliant'],
      ['GM0546', 'Portaal groep', 'compliant'],
      ['GM0547', 'Burgerzaken groep', 'legacy'],
    ] as const;
    for (const [code, name, status] of made) {
      const response = await api(`/municipalities/${code}/applications`, { method: 'POST', session, body: { name, status, layer: 'process', inUseSince: '2020-01-01' } });
      expect(response.status).toBe(201);
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('when the board prints the national page without scrolling, then every chart and the map are drawn, without navigation, with the date', async () => {
    const page = await newPage(browser);
    await page.goto('/');
    await page.getByRole('list', { name: 'Landelijk beeld' }).waitFor();
    // Unscrolled, the charts below the fold hold their place only.
    expect(await everyChartDrawn(page)).toBe(false);

    await page.emulateMedia({ media: 'print' });
    // The print query's change event, which draws the date line, is a task of its own after the emulation: on a busy
    // machine the panels drawn in their turns may be there before it.
    await page.getByText(/^Afgedrukt op \d{1,2} \w+ \d{4}$/).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.tm-chart svg').length >= 3 && !document.querySelector('.tm-map--placeholder'));
    await expect.poll(() => everyChartDrawn(page)).toBe(true);
    expect(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible()).toBe(false);
    expect(await page.getByLabel('Maatstaf').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Toon als tabel' }).first().isVisible()).toBe(false);
    expect(await page.getByText(/^Afgedrukt op \d{1,2} \w+ \d{4}$/).isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await screenshot(page, 'national-print');

    // On screen again: the date line is for paper only; the target line runs on to its deadline, beside the forecast.
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByText(/^Afgedrukt op/).isVisible()).toBe(false);
    await page.getByText(/^Het doel bereikt 100% op \d{1,2} \w+ \d{4}: het stijgt met 10 procentpunt per jaar/).waitFor();
    const trend = page.getByRole('region', { name: 'Aandeel Common Ground tegen het doel', exact: true });
    await trend.getByRole('button', { name: 'Toon als tabel' }).click();
    const last = trend.getByRole('row').last();
    expect(await last.textContent()).toMatch(/100,0%/);
  });

  it('when the board opens a province from its row, then the same dashboard shows for that province alone, in the address', async () => {
    const page = await newPage(browser);
    await page.goto('/');
    const provinces = page.getByRole('region', { name: 'Per provincie' });
    await provinces.getByRole('link', { name: 'Zuid-Holland' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gemeenten in Zuid-Holland' }).waitFor();
    expect(new URL(page.url()).searchParams.get('provincie')).toBe('Zuid-Holland');
    const kpis = page.getByRole('list', { name: 'Gemeenten in Zuid-Holland' });
    await kpis.waitFor();
    const group = (await api<{ summary: { compliantCount: number; landscapeCount: number } }>('/progress/national?province=Zuid-Holland')).body.summary;
    expect(await kpis.textContent()).toContain(`${group.compliantCount} van ${group.landscapeCount} applicaties`);
    // The map's list holds Zuid-Holland's municipalities only.
    await page.getByRole('button', { name: 'Toon als lijst' }).click();
    const list = page.getByRole('region', { name: 'Kaart: aandeel per gemeente' });
    await list.getByRole('link', { name: 'Leiderdorp' }).waitFor();
    expect(await list.getByRole('link', { name: 'Amsterdam', exact: true }).count()).toBe(0);
    await screenshot(page, 'national-province');
    await expectAccessible(page);

    // A size class narrows it further; back to the whole country from the introduction.
    await page.getByRole('region', { name: 'Per grootteklasse' }).getByRole('link', { name: '100.000 tot 150.000' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gemeenten in Zuid-Holland met 100.000 tot 150.000 inwoners' }).waitFor();
    await page.getByRole('link', { name: 'Terug naar heel Nederland' }).click();
    await page.getByRole('heading', { level: 1, name: 'Landelijk beeld' }).waitFor();
  });

  it('when the board sorts the municipalities by share, then the highest come first, and the address keeps the order', async () => {
    const page = await newPage(browser);
    await page.goto('/gemeenten');
    const table = page.getByRole('table', { name: 'Gemeenten' });
    await table.getByRole('link', { name: 'Leiden', exact: true }).waitFor();
    await table.getByRole('button', { name: /^Aandeel Common Ground/ }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('-share');
    const shares = async () =>
      (await table.locator('tbody tr td:nth-child(6)').allTextContents()).map((text) => (/^([\d,]+)%/.exec(text) ? Number(/^([\d,]+)%/.exec(text)![1]!.replace(',', '.')) : -1));
    // The highest share first (the table follows the address a moment after it changes).
    await expect.poll(async () => (await shares())[0]).toBeGreaterThan(0);
    const descending = await shares();
    expect(descending.every((s, i) => i === 0 || s <= descending[i - 1]!)).toBe(true);
    expect(await table.getByRole('columnheader', { name: /^Aandeel Common Ground/ }).getAttribute('aria-sort')).toBe('descending');
    expect(await table.locator('tbody tr').first().textContent()).toMatch(/bevestigd op|nooit bevestigd/);

    // The address alone gives the same order, for a link shared with a colleague.
    await page.goto('/gemeenten?sort=share');
    await table.getByRole('link', { name: 'Leiden', exact: true }).waitFor();
    const ascending = await shares();
    expect(ascending.every((s, i) => i === 0 || s >= ascending[i - 1]!)).toBe(true);
    await screenshot(page, 'municipalities-sorted');
    await expectAccessible(page);
  });
});
