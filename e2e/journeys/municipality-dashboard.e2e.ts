import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_ACCOUNTS, api, expectAccessible, launch, logInApi, newPage } from '../support/browser.ts';

const CODE = 'GM0546';

describe('a municipality reads its dashboard by count or cost, as known at a date', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
    const session = await logInApi(E2E_ACCOUNTS.editor.email);
    for (const [name, status, annualCost] of [['Kostbaar zaaksysteem', 'legacy', 90000], ['Zuinig portaal', 'compliant', 10000]] as const) {
      const made = await api(`/municipalities/${CODE}/applications`, {
        method: 'POST',
        session,
        body: { name: `${name} ${Date.now().toString(36)}`, status, annualCost, layer: 'process', inUseSince: '2020-01-01' },
      });
      expect(made.status).toBe(201);
    }
    // In the inventory but outside the landscape: one not yet in use, one retired. And a replacement planned next year.
    for (const body of [
      { name: 'Nieuw zaaksysteem', status: 'compliant', lifecycle: 'planned' },
      { name: 'Oud archief', status: 'legacy', lifecycle: 'phased_out', inUseSince: '2019-01-01' },
      { name: 'Te vervangen portaal', status: 'legacy', layer: 'interaction', plannedReplacementYear: new Date().getFullYear() + 1, inUseSince: '2020-01-01' },
    ]) {
      const made = await api(`/municipalities/${CODE}/applications`, { method: 'POST', session, body: { ...body, name: `${body.name} ${Date.now().toString(36)}` } });
      expect(made.status).toBe(201);
    }
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('when they switch to cost and pick a past "stand per" date, then the address keeps both and the figures follow', async () => {
    const page = await newPage(browser);
    await page.goto(`/gemeenten/${CODE}`);
    const kpis = page.getByRole('list', { name: 'Aandeel Common Ground' });
    await kpis.waitFor();
    expect(await kpis.textContent()).toMatch(/\d+ van \d+ applicaties/);

    // The inventory's count and the landscape's are told apart, and they add up.
    const landscape = Number((await kpis.textContent())!.match(/\d+ van ([\d.]+) applicaties/)![1]!.replace('.', ''));
    const note = (await page.getByText(/applicaties in de inventaris tellen er/).textContent())!;
    const [, total, counted, planned, retired] = note.match(
      /Van de ([\d.]+) applicaties in de inventaris tellen er ([\d.]+) mee.*Niet in het landschap: ([\d.]+) gepland \(nog niet in gebruik\) en ([\d.]+) uitgefaseerd\./,
    )!.map((n) => Number(n.replace('.', '')));
    expect(counted).toBe(landscape);
    expect(total).toBe(counted! + planned! + retired!);

    // Target and status explained: the own start, the own deadline, each status word.
    await page.getByText('Hoe werken doel en status?').click();
    const explanation = page.locator('details', { hasText: 'Hoe werken doel en status?' });
    expect(await explanation.textContent()).toMatch(/Het doel van Leiden begint bij haar eigen aandeel bij de start van het programma \([\d,]+% op 1 januari 2021\).*100% op \d+ \w+ \d{4}/);
    expect(await explanation.textContent()).toContain('Op schema: het aandeel ligt minder dan 5 procentpunt boven of onder het doel.');
    // The required pace is said once, with the date it aims at.
    expect(await kpis.getByText(/procentpunt per jaar om op .* 100% te halen/).count()).toBe(1);

    // The plan's legend shows the colours its bars have, and the "Nodig" dots are drawn whole.
    const plan = page.getByRole('img', { name: 'Plan tegenover wat nodig is, per jaar' });
    await plan.scrollIntoViewIfNeeded();
    await plan.locator('.recharts-bar-rectangle path').first().waitFor();
    const barColours = new Set(await plan.locator('.recharts-bar-rectangle path').evaluateAll((bars) => bars.map((b) => getComputedStyle(b).fill)));
    const swatchColours = new Set(await plan.locator('.tm-legend__swatch').evaluateAll((s) => s.map((e) => getComputedStyle(e).backgroundColor)));
    expect(swatchColours).toEqual(barColours);
    const dashes = await plan.locator('.recharts-line-dots circle').evaluateAll((dots) => dots.map((d) => getComputedStyle(d).strokeDasharray));
    expect(dashes.length).toBeGreaterThan(0);
    expect(new Set(dashes)).toEqual(new Set(['none']));

    // The "vandaag" marker's label lies wholly inside the drawing, not cut off at its edge.
    const figure = page.getByRole('img', { name: 'Aandeel Common Ground tegen het doel' });
    await figure.scrollIntoViewIfNeeded();
    const chart = figure.getByRole('application');
    const label = chart.locator('text', { hasText: 'vandaag' });
    await label.waitFor();
    const [box, frame] = await Promise.all([label.boundingBox(), chart.boundingBox()]);
    expect(box!.x).toBeGreaterThanOrEqual(frame!.x);
    expect(box!.x + box!.width).toBeLessThanOrEqual(frame!.x + frame!.width);
    expect(box!.y).toBeGreaterThanOrEqual(frame!.y);

    await page.getByLabel('Maatstaf').selectOption({ label: 'Jaarlijkse kosten' });
    await expect.poll(() => new URL(page.url()).searchParams.get('maatstaf')).toBe('kosten');
    await kpis.filter({ hasText: /van €\s[\d.]+ aan jaarlijkse kosten/ }).waitFor();
    await expectAccessible(page);

    await page.getByLabel('Stand per').fill('2025-01-01');
    await expect.poll(() => new URL(page.url()).searchParams.get('stand')).toBe('2025-01-01');
    // Nothing of this landscape had been recorded yet on that date.
    await page.getByText('Nog geen applicaties voor deze gemeente.').waitFor();
    await page.reload();
    expect(await page.getByLabel('Maatstaf').inputValue()).toBe('cost');
    expect(await page.getByLabel('Stand per').inputValue()).toBe('2025-01-01');
    await page.getByText('Nog geen applicaties voor deze gemeente.').waitFor();
    await expectAccessible(page);

    await page.getByLabel('Stand per').fill('');
    await expect.poll(() => new URL(page.url()).searchParams.has('stand')).toBe(false);
    await kpis.filter({ hasText: /aan jaarlijkse kosten/ }).waitFor();
  });
});
