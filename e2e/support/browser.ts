import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { repeatOnAnotherDatabase } from '@tm/db/test-repeat';
import { E2E_PASSWORD } from './accounts.ts';

export { E2E_ACCOUNTS, E2E_PASSWORD } from './accounts.ts';

export const ARTIFACTS = resolve(import.meta.dirname, '../artifacts');

export function baseUrl(): string {
  return inject('baseUrl');
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export async function newPage(browser: Browser, options: { width?: number; locale?: string } = {}): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: options.width ?? 1280, height: 900 },
    locale: options.locale ?? 'nl-NL',
    reducedMotion: 'reduce',
  });
  return context.newPage();
}

/**
 * Scrolls through the page a screen at a time from the top and back, as a reader would, so that whatever is drawn
 * only on approach (the charts, the map) is drawn; waits until it is. From the top, not from where a step of the
 * journey left the page: a chart above that point would never come into view.
 */
export async function scrollThrough(page: Page): Promise<void> {
  // What is not drawn yet: a chart's or the map's placeholder, a panel waiting for its turn (.tm-in-turn), or the
  // server's first screen ([data-first-screen]), which the client replaces with placeholders of its own once it
  // runs. A pass that went by before the client or a chart's data was there leaves some behind, so the reader scrolls
  // through again until none is left.
  const undrawn = page.locator('.tm-chart:empty, .tm-map--placeholder, .tm-in-turn, [data-first-screen]');
  for (const started = Date.now(); ; await page.waitForTimeout(250)) {
    await page.evaluate(() => window.scrollTo(0, 0));
    for (let atEnd = false; !atEnd; ) {
      atEnd = await page.evaluate(() => {
        window.scrollBy(0, window.innerHeight);
        return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
      });
      // One frame, in which the page's IntersectionObservers see what came into view.
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    }
    if ((await undrawn.count()) === 0) break;
    if (Date.now() - started > 30_000) throw new Error(`Still not drawn after scrolling through for 30 s: ${await undrawn.count()} placeholders on ${page.url()}`);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * Every WCAG 2.0, 2.1 and 2.2 rule of levels A and AA, axe's best practices, and the rules axe still calls
 * experimental (such as label-content-name-mismatch, WCAG 2.5.3), which it leaves out unless asked.
 */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental'];

/**
 * axe-core on the whole page, every part drawn, or `within` one part of it: a drawer, dialog or form whose new state
 * is what a step of a journey changed, on a page checked whole before. Any violation fails the journey, with its
 * rule and nodes in the message; so does a whole page that scrolls sideways. Left out when the run repeats the
 * journeys on another database: the markup does not depend on the database, and each whole page takes seconds.
 */
export async function expectAccessible(page: Page, within?: Locator): Promise<void> {
  if (repeatOnAnotherDatabase) return;
  // In the page itself (legacy mode: the app has no frames to gather results from, and collecting them in a second
  // page took longer than the checks), reporting nodes only of violations: a whole page took 30 s, now 11.
  let axe = new AxeBuilder({ page }).withTags(AXE_TAGS).setLegacyMode(true).options({ resultTypes: ['violations'] });
  if (within) {
    await page.evaluate(() => document.querySelectorAll('[data-axe-scope]').forEach((e) => e.removeAttribute('data-axe-scope')));
    await within.evaluate((e) => e.setAttribute('data-axe-scope', ''));
    axe = axe.include('[data-axe-scope]');
  } else await scrollThrough(page);
  const results = await axe.analyze();
  if (!within) {
    // WCAG 1.4.10 (reflow), which axe does not check; a wide table scrolls in a frame of its own.
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(scrollWidth, `${page.url()} scrolls sideways at ${clientWidth} px`).toBeLessThanOrEqual(clientWidth);
  }
  const violations = results.violations.map((v) => ({
    rule: v.id,
    impact: v.impact,
    help: v.help,
    nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
  expect(violations, `axe violations on ${page.url()}`).toEqual([]);
}

/** The typefaces the app serves itself (client/src/app/fonts.css). */
const OWN_FONTS = ['Noto Sans', 'Noto Serif'];

/**
 * Every piece of text on the page, chart axes included, is drawn mainly in one of the app's own fonts, as the
 * browser reports the fonts it actually used: a name in CSS that is not served falls back to the machine's default
 * (Times New Roman, or whatever the machine has). A symbol such as ▲ may come from another font; words may not.
 */
export async function expectOwnFonts(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const count = await page.evaluate(() => {
    let n = 0;
    for (const element of Array.from(document.body.querySelectorAll('*'))) {
      const text = Array.from(element.childNodes).filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent).join('');
      if (/[\p{L}\p{N}]/u.test(text) && (element as HTMLElement).checkVisibility?.() !== false) {
        element.setAttribute('data-font-check', String(n++));
      }
    }
    return n;
  });
  expect(count).toBeGreaterThan(0);
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.enable');
    await cdp.send('CSS.enable');
    const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-font-check]' });
    const strays: string[] = [];
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      const main = [...fonts].sort((a, b) => b.glyphCount - a.glyphCount)[0];
      if (main && !OWN_FONTS.includes(main.familyName)) {
        const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId });
        strays.push(`${main.familyName}: ${outerHTML.slice(0, 120)}`);
      }
    }
    expect(strays.slice(0, 10), `text not in the app's own fonts on ${page.url()}`).toEqual([]);
  } finally {
    await cdp.detach();
    await page.evaluate(() => document.querySelectorAll('[data-font-check]').forEach((e) => e.removeAttribute('data-font-check')));
  }
}

/**
 * The whole page as a picture in e2e/artifacts, to look at after a run. A run that repeats the journeys on another
 * database takes none: it would draw the same screens again, at half a second to three seconds each.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (repeatOnAnotherDatabase) return;
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export type ApiSession = { cookie: string; csrfToken: string };

/** Logs in through the API, as a script would, for making test data. */
export async function logInApi(email: string, password: string = E2E_PASSWORD): Promise<ApiSession> {
  const response = await fetch(`${baseUrl()}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(201);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}

/** A browser page already logged in as this account (the cookie of an API log-in). */
export async function loggedInPage(browser: Browser, email: string, options: { width?: number } = {}): Promise<Page> {
  const page = await newPage(browser, options);
  const { cookie } = await logInApi(email);
  const [name, ...value] = cookie.split('=');
  await page.context().addCookies([{ name: name!, value: value.join('='), url: baseUrl() }]);
  return page;
}

/** Data made through the API, as a user of the API would. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; session?: ApiSession } = {},
): Promise<{ status: number; body: T; etag: string | null }> {
  const auth: Record<string, string> = init.session ? { Cookie: init.session.cookie, 'X-CSRF-Token': init.session.csrfToken } : {};
  const response = await fetch(`${baseUrl()}/api/v1${path}`, {
    method: init.method ?? 'GET',
    headers: { 'Content-Type': 'application/json', ...auth, ...init.headers },
    body: init.body === undefined ? null : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T, etag: response.headers.get('ETag') };
}
