/**
 * The client's budgets (PRODUCT §8): initial JavaScript gzipped, and Lighthouse's performance and accessibility
 * scores and LCP of the national, municipality and inventory pages, served by the real server on the bench's
 * national-scale database, in Debian's Chromium (offline: nothing is downloaded).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { initialJavaScript } from '@tm/client/initial-javascript';
import { startServerProcess } from '../test/server-process.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = resolve(ROOT, 'client/dist');
const CHROMIUM = '/usr/bin/chromium';

/** The metrics Lighthouse's performance score is made of, as it displays them. */
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'] as const;

export type PageScores = {
  page: string;
  performance: number;
  accessibility: number;
  lcpMs: number;
  metrics: { name: string; value: string }[];
};

export type ClientFigures = { initialJsBytes: number; initialJsFiles: number; pages: PageScores[] };

/** The pages PRODUCT §8 names, for the bench's own municipality. */
export const LIGHTHOUSE_PAGES = (code: string) => [
  { page: 'national', path: '/' },
  { page: 'municipality', path: `/gemeenten/${code}` },
  { page: 'inventory', path: `/gemeenten/${code}/inventaris` },
];

/** The flags of the browser journeys (e2e/support/browser.ts): no network of Chromium's own. */
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

function buildClient(): void {
  const built = spawnSync(process.execPath, [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: resolve(ROOT, 'client'),
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('the client build failed');
}

async function lighthouseScores(page: string, url: string): Promise<PageScores> {
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  try {
    const result = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance', 'accessibility'], logLevel: 'error', output: 'json' });
    if (!result) throw new Error('Lighthouse returned no result');
    const { performance, accessibility } = result.lhr.categories;
    return {
      page,
      performance: Math.round((performance?.score ?? 0) * 100),
      accessibility: Math.round((accessibility?.score ?? 0) * 100),
      lcpMs: result.lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
      metrics: METRICS.map((id) => ({ name: result.lhr.audits[id]?.title ?? id, value: result.lhr.audits[id]?.displayValue ?? '—' })),
    };
  } finally {
    chrome.kill();
  }
}

/** On the national-scale PostgreSQL database of the dashboard reads, where the budgets of PRODUCT §8 apply. */
export async function measureClient(databaseUrl: string, code: string): Promise<ClientFigures> {
  buildClient();
  const js = initialJavaScript(DIST);
  const server = await startServerProcess({ DATABASE_URL: databaseUrl, CLIENT_DIST: DIST }, { bundled: true });
  try {
    const pages: PageScores[] = [];
    for (const { page, path } of LIGHTHOUSE_PAGES(code)) pages.push(await lighthouseScores(page, `${server.url}${path}`));
    return { initialJsBytes: js.bytes, initialJsFiles: js.files.length, pages };
  } finally {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}
