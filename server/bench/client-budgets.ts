/**
 * The client's budgets (PRODUCT §8): initial JavaScript gzipped, and Lighthouse's performance and accessibility
 * scores and LCP of the national, municipality and inventory pages, served by the real server on the bench's
 * national-scale database, in Debian's Chromium (offline: nothing is downloaded).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { initialJavaScript } from '@tm/client/initial-javascript';
import { startServerProcess } from '../test/server-process.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIST = resolve(ROOT, 'client/dist');
const CHROMIUM = '/usr/bin/chromium';

/**
 * Runs per page. Lighthouse's scores vary from run to run on one build (its docs on variability: run it several times
 * and read the median run, which halves the spread of five); the performance score of every run is reported too.
 */
const RUNS_PER_PAGE = 5;

/** The metrics Lighthouse's performance score is made of, as it displays them. */
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'] as const;

export type PageScores = {
  page: string;
  /** Of the median run (`computeMedianRun`: the run nearest the median first paint and time to interactive). */
  performance: number;
  /** Of every finished run, in the order they ran. */
  performanceRuns: number[];
  /** Why each run Lighthouse could not finish failed; they were run again. */
  unfinishedRuns: string[];
  /**
   * Lighthouse's measure of the host's CPU at each run (`environment.benchmarkIndex`): its 4× slowdown assumes a
   * host of about 1,000 or more, and it warns below that that the scores will be lower.
   */
  benchmarkIndexes: number[];
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

type LighthouseResult = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];

async function lighthouseRun(url: string): Promise<LighthouseResult> {
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS });
  try {
    const result = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance', 'accessibility'], logLevel: 'error', output: 'json' });
    if (!result) throw new Error('Lighthouse returned no result');
    return result.lhr;
  } finally {
    chrome.kill();
  }
}

const performanceOf = (lhr: LighthouseResult) => Math.round((lhr.categories['performance']?.score ?? 0) * 100);

/**
 * A run that Lighthouse could not finish (its `runtimeError`, such as NO_NAVSTART, or no first paint recorded) has no
 * scores to take a median of: on a busy host one in twenty or so ends that way, for any build.
 */
const finished = (lhr: LighthouseResult) => !lhr.runtimeError && lhr.audits['first-contentful-paint']?.numericValue !== undefined;

async function lighthouseScores(page: string, url: string): Promise<PageScores> {
  const runs: LighthouseResult[] = [];
  const unfinished: string[] = [];
  while (runs.length < RUNS_PER_PAGE) {
    const lhr = await lighthouseRun(url);
    if (finished(lhr)) runs.push(lhr);
    else if (unfinished.push(lhr.runtimeError?.code ?? 'NO_FCP') > RUNS_PER_PAGE)
      throw new Error(`Lighthouse could not finish ${unfinished.length} runs of ${url}: ${unfinished.join(', ')}`);
  }
  const median = computeMedianRun(runs);
  return {
    page,
    unfinishedRuns: unfinished,
    performance: performanceOf(median),
    performanceRuns: runs.map(performanceOf),
    benchmarkIndexes: runs.map((r) => Math.round(r.environment.benchmarkIndex)),
    accessibility: Math.round((median.categories['accessibility']?.score ?? 0) * 100),
    lcpMs: median.audits['largest-contentful-paint']?.numericValue ?? Number.NaN,
    metrics: METRICS.map((id) => ({ name: median.audits[id]?.title ?? id, value: median.audits[id]?.displayValue ?? '—' })),
  };
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
