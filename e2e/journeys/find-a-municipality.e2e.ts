import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initialJavaScript } from '@tm/client/initial-javascript';
import { expectAccessible, launch, newPage, screenshot } from '../support/browser.ts';

const DIST = resolve(import.meta.dirname, '../../client/dist');

describe('a visitor finds a municipality from the header', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('when they type "Lei" in the search box and pick Leiden, then Leiden’s page opens', async () => {
    const page = await newPage(browser);
    await page.goto('/gemeenten/GM0546');
    await page.getByRole('heading', { level: 1, name: 'Leiden' }).waitFor();
    await expectAccessible(page);

    const search = page.getByRole('combobox', { name: 'Zoek een gemeente' });
    await search.fill('Lei');
    const option = page.getByRole('option', { name: /^Leiden/ });
    await option.waitFor();
    await expectAccessible(page);
    await search.press('ArrowDown');
    await search.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Leiden' }).waitFor();
    expect(page.url()).toMatch(/\/gemeenten\/GM0546$/);
    await expect.poll(() => page.getByRole('navigation', { name: 'Kruimelpad' }).textContent()).toContain('Gemeenten');
    await screenshot(page, 'leiden');
  });

  it('when they switch to English, then the frame speaks English and the choice survives a reload', async () => {
    const page = await newPage(browser);
    await page.goto('/gemeenten');
    await page.getByRole('button', { name: 'English', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Municipalities' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.reload();
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
    await expectAccessible(page);
  });

  it('when the page is 360 px wide, then nothing scrolls sideways, the heading is on the first screen and the menu a tap away', async () => {
    const page = await newPage(browser, { width: 360 });
    await page.goto('/gemeenten/GM0546');
    const heading = page.getByRole('heading', { level: 1, name: 'Leiden' });
    await heading.waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBe(0);
    const menu = page.getByRole('button', { name: 'Menu' });
    await menu.waitFor();
    expect((await heading.boundingBox())!.y).toBeLessThan(360);
    await screenshot(page, 'leiden-360');

    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    expect(await nav.isVisible()).toBe(false);
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await expectAccessible(page);
    await nav.getByRole('link', { name: 'Gemeenten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gemeenten' }).waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);
  });

  it('when the first page loads, then its JavaScript is under 200 KB gzipped', () => {
    const { bytes, files } = initialJavaScript(DIST);
    expect(files.length).toBeGreaterThan(1);
    console.info(`initial JavaScript: ${(bytes / 1024).toFixed(1)} KB gzipped in ${files.length} files`);
    expect(bytes).toBeLessThan(200 * 1024);
  });
});
