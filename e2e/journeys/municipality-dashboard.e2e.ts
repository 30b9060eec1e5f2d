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
