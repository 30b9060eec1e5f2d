/**
 * `npm run bench [-- --scale N]`: every budget of PRODUCT §8 in one run, written to bench/report.md. The server's
 * figures (see `api-figures.ts`) at national scale on a PostgreSQL server, and with `--scale N` at N × national
 * scale too, side by side; the imports of 1,000 and 10,000 rows; how long the server takes to start on the embedded
 * database; the client's initial JavaScript and Lighthouse scores of three pages. Uses the databases
 * `<DATABASE_URL's database>_bench` (and `_bench_xN`), made and filled when missing. The hand-written reading of
 * the figures (why a budget is missed, how each figure grows) is `notes.md`, appended to the report.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { type ApiFigures, measureApi, NO_OP } from './api-figures.ts';
import { measureClient } from './client-budgets.ts';
import { BENCH_MUNICIPALITY, BULK_SIZE } from './dataset.ts';
import { CONNECTIONS, DURATION_S } from './http-load.ts';
import { IMPORT_BUDGETS_MS, measureImport } from './import-budget.ts';
import { bundleServer, measureStartTimes } from './start-times.ts';

const ms = (n: number) => `${n.toFixed(0)} ms`;
const ms1 = (n: number) => `${n.toFixed(1)} ms`;
const verdict = (met: boolean) => (met ? 'met' : '**not met**');
const uptime = () => loadavg().map((l) => l.toFixed(1)).join(', ');

/** The budgets of PRODUCT §8 that one dataset's server figures answer. */
function serverBudgets(f: ApiFigures) {
  const noop = (auth: boolean) => f.reads.find((r) => r.path === NO_OP && r.auth === auth)!;
  const dashboards = f.reads.filter((r) => r.dashboard).map((r) => ({ ...r, ratio: r.p95 / noop(r.auth).p95 }));
  const worst = dashboards.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  const slowest = dashboards.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  const firstRead = f.afterWrites.reduce((a, b) => (b.p95 > a.p95 ? b : a));
  const patchRatio = f.patch.p95 / noop(true).p95;
  const slowestReport = f.reports.reduce((a, b) => (b.max > a.max ? b : a));
  return [
    ['Dashboard reads: p95 within 1.5× the no-op', `worst ${worst.ratio.toFixed(2)}× (${worst.name})`, worst.ratio <= 1.5],
    ['Dashboard reads: p95 under 15 ms', `worst ${ms1(slowest.p95)} (${slowest.name})`, slowest.p95 < 15],
    ['First read after a write: p95 under 20 ms', `worst ${ms1(firstRead.p95)} (${firstRead.name})`, firstRead.p95 < 20],
    ['PATCH: p95 within 2× the signed-in no-op', `${patchRatio.toFixed(2)}×`, patchRatio <= 2],
    ['PATCH: p95 under 15 ms', ms1(f.patch.p95), f.patch.p95 < 15],
    [`Bulk edit of ${BULK_SIZE.toLocaleString('en')} applications under 1 s`, `slowest of ${f.bulk.count}: ${ms(f.bulk.max)}`, f.bulk.max < 1000],
    ['Report (PDF) made after a write under 2 s', `slowest ${ms(slowestReport.max)} (${slowestReport.name})`, slowestReport.max < 2000],
  ] as const;
}

function readsTable(f: ApiFigures): string {
  const noop = (auth: boolean) => f.reads.find((r) => r.path === NO_OP && r.auth === auth)!;
  return `| request | p50 ms | p95 ms | p50 / no-op | p95 / no-op | requests/s |
|---|---|---|---|---|---|
${f.reads.map((r) => `| ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${(r.p50 / noop(r.auth).p50).toFixed(2)} | ${(r.p95 / noop(r.auth).p95).toFixed(2)} | ${r.perSecond.toFixed(0)} |`).join('\n')}`;
}

/** Every server figure of the datasets side by side, with the factor it grew by from the first to the last. */
function growthTable(all: ApiFigures[]): string {
  const rows: [string, (f: ApiFigures) => number][] = [
    ['applications', (f) => f.applications],
    ['history events', (f) => f.events],
    ['rollup rebuild, ms', (f) => f.rebuildMs],
    ...all[0]!.reads.map((r, i): [string, (f: ApiFigures) => number] => [`${r.name}, p95 ms`, (f) => f.reads[i]!.p95]),
    ...all[0]!.afterWrites.map((r, i): [string, (f: ApiFigures) => number] => [`first read after a write: ${r.name}, p95 ms`, (f) => f.afterWrites[i]!.p95]),
    ...all[0]!.reports.map((r, i): [string, (f: ApiFigures) => number] => [`${r.name} after a write, p95 ms`, (f) => f.reports[i]!.p95]),
    ['PATCH, p50 ms', (f) => f.patch.p50],
    ['PATCH, p95 ms', (f) => f.patch.p95],
    [`bulk edit of ${BULK_SIZE}, slowest ms`, (f) => f.bulk.max],
  ];
  const fmt = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en') : n.toFixed(1));
  return `| figure | ${all.map((f) => `${f.scale}×`).join(' | ')} | growth |
|---|${all.map(() => '---|').join('')}---|
${rows.map(([name, of]) => `| ${name} | ${all.map((f) => fmt(of(f))).join(' | ')} | ${(of(all.at(-1)!) / of(all[0]!)).toFixed(2)}× |`).join('\n')}`;
}

async function main(): Promise<void> {
  if (!process.env.DATABASE_URL) throw new Error('npm run bench needs DATABASE_URL: a PostgreSQL server (PRODUCT §8)');
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' } } });
  const scale = Number(values.scale);
  if (!Number.isInteger(scale) || scale < 1) throw new Error('--scale takes a whole number, 1 or more');
  const loadAtStart = uptime();
  const base = new URL(process.env.DATABASE_URL);

  bundleServer();
  const api: ApiFigures[] = [];
  for (const s of scale === 1 ? [1] : [1, scale]) api.push(await measureApi(base, s, console.info));
  const national = api[0]!;
  console.info('imports …');
  const imports = await measureImport();
  console.info('start times …');
  const starts = await measureStartTimes();
  console.info('client …');
  const client = await measureClient(national.databaseUrl, BENCH_MUNICIPALITY);
  const loadAtEnd = uptime();

  const importOf = (rows: number) => {
    const running = imports.filter((i) => i.rows === rows && i.label.startsWith('running'));
    return Math.max(...running.map((i) => i.dryMs + i.commitMs));
  };
  const budgets = [
    ...serverBudgets(national),
    ...api.slice(1).flatMap((f) => serverBudgets(f).filter(([what]) => what.includes('×')).map(([what, m, met]) => [`${f.scale}× scale: ${what}`, m, met] as const)),
    ...([1_000, 10_000] as const).map(
      (rows) => [`Import of ${rows.toLocaleString('en')} rows (XLSX), dry run plus commit, under ${IMPORT_BUDGETS_MS[rows] / 1000} s`, `${ms(importOf(rows))} (running server)`, importOf(rows) < IMPORT_BUDGETS_MS[rows]] as const,
    ),
    ['Initial JavaScript under 200 KB gzipped', `${(client.initialJsBytes / 1024).toFixed(1)} KB in ${client.initialJsFiles} files`, client.initialJsBytes < 200 * 1024] as const,
    ...client.pages.flatMap((p) => [
      [`Lighthouse performance ≥ 95 (${p.page} page)`, `${p.performance} (median of ${p.performanceRuns.length} runs)`, p.performance >= 95] as const,
      [`Lighthouse accessibility 100 (${p.page} page)`, String(p.accessibility), p.accessibility === 100] as const,
      [`LCP under 2.0 s (${p.page} page)`, `${(p.lcpMs / 1000).toFixed(1)} s`, p.lcpMs < 2000] as const,
    ]),
  ];
  const cpu = cpus();
  const notes = readFileSync(fileURLToPath(new URL('./notes.md', import.meta.url)), 'utf8');
  const report = `# Benchmark

${new Date().toISOString()}. Machine: ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB memory,
Node.js ${process.version}, PostgreSQL ${national.postgres}. Load average (1, 5, 15 min) at the start ${loadAtStart}
and at the end ${loadAtEnd}: the machine is shared, so the absolute figures rise with the load, the ratios less so.

## Budgets (PRODUCT §8)

| budget | measured | |
|---|---|---|
${budgets.map(([what, measured, met]) => `| ${what} | ${measured} | ${verdict(met)} |`).join('\n')}
| axe-core finds no violation on any screen | checked on every page the browser tests visit (\`npm run test:e2e\`) | — |
${api.length > 1 ? `
## Growth: ${api.map((f) => `${f.scale}×`).join(' and ')} national scale

${growthTable(api)}
` : ''}
## Reads, national scale

PostgreSQL server, ${national.applications} applications and ${national.events} history events, ${CONNECTIONS} concurrent
connections for ${DURATION_S} s per request (autocannon, with a browser's Accept-Encoding; one read also without), against the bundled server in its own
process. The no-op is a request that passes the whole middleware chain and is answered by the 404 handler; signed in,
the authentication's session lookup is its one query. Every read is compared with the no-op of the same credentials.
Rebuilding every rollup from the raw history took ${ms(national.rebuildMs)}.

${readsTable(national)}

First read after a write (PATCH, then one read; 40 rounds, one connection), which recomputes:

| request | p50 ms | p95 ms |
|---|---|---|
${national.afterWrites.map((r) => `| ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} |`).join('\n')}

The PDF reports, made anew after a write (PATCH, then the report; ${national.reports[0]!.count} rounds each; between writes the
figures cache answers a report already made). The server's first report, which also starts the worker that draws
the charts with the screens' code, took ${ms(national.firstReportMs)}; the rounds follow it:

| report | p50 ms | p95 ms | slowest ms |
|---|---|---|---|
${national.reports.map((r) => `| ${r.name} | ${r.p50.toFixed(0)} | ${r.p95.toFixed(0)} | ${r.max.toFixed(0)} |`).join('\n')}

PATCH (status change, back-dated, with audit, every rollup kept fresh and its change-feed event), ${national.patch.count}
sequential writes on one connection: p50 ${ms1(national.patch.p50)}, p95 ${ms1(national.patch.p95)}. Bulk edit of
${BULK_SIZE.toLocaleString('en')} applications of one municipality (status with a date), ${national.bulk.count} times: p50 ${ms(national.bulk.p50)}, slowest ${ms(national.bulk.max)}.
${api.slice(1).map((f) => `
## Reads, ${f.scale}× national scale

${f.applications} applications and ${f.events} history events${f.generatedMs === null ? '' : `, generated in ${(f.generatedMs / 1000).toFixed(0)} s`}; rollups rebuilt in ${ms(f.rebuildMs)}.

${readsTable(f)}
`).join('')}
## Import

XLSX into a fresh database on the PostgreSQL server, through the API:

| | rows | dry run | commit | together | re-import, all unchanged |
|---|---|---|---|---|---|
${imports.map((i) => `| ${i.label} | ${i.rows.toLocaleString('en')} | ${ms(i.dryMs)} | ${ms(i.commitMs)} | ${ms(i.dryMs + i.commitMs)} | ${ms(i.againMs)} |`).join('\n')}

## Start

\`npm start\`'s server on the embedded database until \`/api/v1/health\` answers 200: first start into an empty DATA_DIR
(migrations, reference data, demo landscape) ${ms(starts.firstMs)}; a later start on that data ${ms(starts.laterMs)}.

## Client

Initial JavaScript (the page's entry and the app it starts, with every module they import, gzipped; see
\`client/scripts/initial-javascript.ts\`): ${(client.initialJsBytes / 1024).toFixed(1)} KB in ${client.initialJsFiles} files.
Lighthouse (its mobile defaults, simulated throttling) served by the bundled server on the national-scale PostgreSQL
database above, in Debian's Chromium, anonymous; ${client.pages[0]!.performanceRuns.length} runs per page, the scores and metrics of
the median run (Lighthouse's \`computeMedianRun\`) with every run's performance score, and the host's CPU as Lighthouse
measured it at each run (its benchmark index; Lighthouse assumes 1,000 or more and warns below that):

| page | performance | every run | host benchmark index | accessibility | ${client.pages[0]!.metrics.map((m) => m.name).join(' | ')} |
|---|---|---|---|---|${client.pages[0]!.metrics.map(() => '---|').join('')}
${client.pages.map((p) => `| ${p.page} | ${p.performance} | ${p.performanceRuns.join(', ')} | ${p.benchmarkIndexes.join(', ')} | ${p.accessibility} | ${p.metrics.map((m) => m.value).join(' | ')} |`).join('\n')}${client.pages.some((p) => p.unfinishedRuns.length > 0) ? `\n\nRuns Lighthouse could not finish, made again: ${client.pages.filter((p) => p.unfinishedRuns.length > 0).map((p) => `${p.page} ${p.unfinishedRuns.join(', ')}`).join('; ')}.` : ''}

${notes}`;
  const out = fileURLToPath(new URL('./report.md', import.meta.url));
  writeFileSync(out, report);
  console.info(`\n${report}\nwritten to ${out}`);
}

await main();
