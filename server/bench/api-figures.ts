/**
 * The server's figures of `npm run bench` on one dataset: every dashboard read and the change feed against the
 * no-op of the same credentials, PATCH, bulk edit of 1,000 applications, the first read after a write, and how
 * long rebuilding every rollup takes. The server runs bundled in its own process, as in production, so that the
 * load generator does not share its event loop.
 */
import type { Knex } from 'knex';
import { createDb } from '@tm/db/connection';
import { prepareDatabase } from '@tm/db/prepare';
import { withAdmin } from '@tm/db/testing';
import { hashPassword } from '../src/modules/accounts/passwords.ts';
import * as users from '../src/modules/accounts/users.repository.ts';
import { startServerProcess } from '../test/server-process.ts';
import { BENCH_MUNICIPALITY, BULK_SIZE, ensureDataset, timeRollupRebuild } from './dataset.ts';
import { CONNECTIONS, load, type Session, signIn, timedPatch, timedWrite, type Timings, timings } from './http-load.ts';

export const NO_OP = '/api/v1/bench-no-op';

/**
 * What a browser says it can unpack (Chromium's header): the dashboards are read by the client in a browser, so the
 * reads are measured as it makes them, compressed answers included. One read is measured without it too.
 */
export const BROWSER_ENCODINGS = 'gzip, deflate, br, zstd';

export type Read = { name: string; path: string; auth: boolean; dashboard: boolean; encodings?: string };
export type ReadFigures = Read & Timings & { perSecond: number };

export type ApiFigures = {
  scale: number;
  databaseUrl: string;
  applications: number;
  events: number;
  generatedMs: number | null;
  rebuildMs: number;
  reads: ReadFigures[];
  patch: Timings;
  bulk: Timings;
  afterWrites: (Read & Timings)[];
  /** The PDF reports, each made anew after a write (between writes the figures cache answers them). */
  reports: (Read & Timings)[];
  /** The first national report of a fresh server, which starts the worker that draws the charts. */
  firstReportMs: number;
  postgres: string;
};

/** The database of `scale`, next to DATABASE_URL's: made, migrated and filled when missing. */
async function openBenchDatabase(base: URL, scale: number): Promise<{ db: Knex; url: string }> {
  const name = `${base.pathname.slice(1) || 'postgres'}_bench${scale === 1 ? '' : `_x${scale}`}`;
  await withAdmin(async (admin) => {
    const exists = (await admin.raw('select 1 from pg_database where datname = ?', [name])).rows.length > 0;
    if (!exists) await admin.raw(`create database "${name}"`);
  }, base.toString());
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = createDb({ kind: 'server', url: url.toString(), poolMax: CONNECTIONS + 2 });
  await prepareDatabase(db);
  return { db, url: url.toString() };
}

/**
 * The first read after a write, `rounds` times per read: a PATCH, then one timed read. The PATCH sets a cost the
 * application cannot have yet (the clock's milliseconds, rising from call to call and from run to run): a value it
 * already had changes nothing, so the revision would stay and the read would be answered from the figures cache.
 */
async function readsAfterWrites(session: Session, ids: readonly string[], reads: readonly Read[], rounds = 40) {
  const figures = [];
  for (const read of reads) {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      await timedPatch(session, ids[i % ids.length]!, { annualCost: Math.round(performance.timeOrigin + performance.now()) % 1_000_000_000 });
      const t0 = performance.now();
      const res = await fetch(`${session.origin}${read.path}`, { headers: { cookie: session.cookie, 'accept-encoding': BROWSER_ENCODINGS } });
      await res.arrayBuffer();
      times.push(performance.now() - t0);
      if (res.status !== 200) throw new Error(`${read.path} answered ${res.status}`);
    }
    figures.push({ ...read, ...timings(times) });
  }
  return figures;
}

export async function measureApi(base: URL, scale: number, log: (line: string) => void): Promise<ApiFigures> {
  const { db, url } = await openBenchDatabase(base, scale);
  try {
    const started = performance.now();
    const dataset = await ensureDataset(db, scale);
    const generatedMs = dataset.generated ? performance.now() - started : null;
    log(`${scale}×: ${dataset.applications} applications, ${dataset.events} events${generatedMs === null ? '' : ` (generated in ${(generatedMs / 1000).toFixed(0)} s)`}`);
    const rebuildMs = await timeRollupRebuild(db);
    log(`${scale}×: rollups rebuilt in ${rebuildMs.toFixed(0)} ms`);

    const email = `bench-${Date.now()}@bench.local`;
    const password = `bench-${Math.random()}`;
    await users.insert(db, { email, name: 'Benchmark', role: 'editor', municipalityCodes: [BENCH_MUNICIPALITY], passwordHash: await hashPassword(password) });
    // The product page most worth reading: the product most municipalities run.
    const { rows: [busiest] } = await db.raw(`select v.product_id from applications a join product_versions v on v.id = a.product_version_id
      where a.deleted_at is null group by 1 order by count(distinct a.municipality_code) desc, 1 limit 1`);
    // The bulk edit's applications, always the same; the PATCHes' the others with the shortest histories: a write's
    // cost grows with its application's history, so always writing the same ones would make each run slower.
    const live = () => db('applications as a').where({ municipality_code: BENCH_MUNICIPALITY }).whereNull('deleted_at');
    const bulkIds: string[] = await live().orderBy('a.id').limit(BULK_SIZE).pluck('a.id');
    const patchIds: string[] = await live()
      .whereNotIn('a.id', bulkIds)
      .orderByRaw('(select count(*) from application_events e where e.application_id = a.id), a.id')
      .limit(50)
      .pluck('a.id');

    const server = await startServerProcess({ DATABASE_URL: url, DEMO_DATA: 'false', LOG_LEVEL: 'warn' }, { bundled: true });
    try {
      const session = await signIn(server.url, email, password);
      // The no-op: a request through the whole middleware chain (request id, security headers, compression, version,
      // body parser, authentication) that no route handles, answered by the 404 handler. With a session cookie the
      // authentication looks the session up in the database, as it does for every signed-in read; each read is
      // compared with the no-op that carries the same credentials.
      const code = BENCH_MUNICIPALITY;
      const reads: Read[] = [
        { name: 'no-op, anonymous (unrouted path, 404)', path: NO_OP, auth: false, dashboard: false },
        { name: 'no-op, signed in (unrouted path, 404)', path: NO_OP, auth: true, dashboard: false },
        { name: 'GET /progress/national', path: '/api/v1/progress/national', auth: false, dashboard: true },
        { name: 'GET /progress/national, uncompressed', path: '/api/v1/progress/national', auth: false, dashboard: false, encodings: 'identity' },
        { name: 'GET /progress/national?measure=cost', path: '/api/v1/progress/national?measure=cost', auth: false, dashboard: true },
        { name: `GET /municipalities/${code}/progress`, path: `/api/v1/municipalities/${code}/progress`, auth: false, dashboard: true },
        { name: `GET /municipalities/${code}/peers?group=sizeClass`, path: `/api/v1/municipalities/${code}/peers?group=sizeClass`, auth: true, dashboard: true },
        { name: `GET /municipalities/${code}/peers?group=all`, path: `/api/v1/municipalities/${code}/peers?group=all`, auth: true, dashboard: true },
        { name: 'GET /products/{the most used}', path: `/api/v1/products/${busiest.product_id}`, auth: true, dashboard: true },
        { name: 'GET /products?q=zaken', path: '/api/v1/products?q=zaken', auth: false, dashboard: true },
        // PRODUCT §10: the legacy products holding municipalities back, nationally and for one province.
        { name: 'GET /blocking-products', path: '/api/v1/blocking-products?pageSize=15', auth: false, dashboard: true },
        { name: 'GET /blocking-products?province=Zuid-Holland', path: '/api/v1/blocking-products?province=Zuid-Holland&pageSize=15', auth: false, dashboard: true },
        { name: `GET /municipalities/${code}/applications (first page)`, path: `/api/v1/municipalities/${code}/applications`, auth: true, dashboard: false },
        { name: 'GET /events (change feed, first 100)', path: '/api/v1/events?pageSize=100', auth: true, dashboard: false },
        // PRODUCT §9: where the municipality departs from the verified judgements (a third of the versions are judged).
        { name: `GET /municipalities/${code}/suggestions`, path: `/api/v1/municipalities/${code}/suggestions`, auth: true, dashboard: false },
      ];
      const headersOf = (r: Read): Record<string, string> => ({
        'accept-encoding': r.encodings ?? BROWSER_ENCODINGS,
        ...(r.auth ? { cookie: session.cookie } : {}),
      });
      // A fresh process runs its first requests unoptimized: a warm-up round for every read first, not counted.
      for (const r of reads) await load(`${server.url}${r.path}`, headersOf(r), 2);
      const readFigures: ReadFigures[] = [];
      for (const r of reads) {
        const result = await load(`${server.url}${r.path}`, headersOf(r));
        log(`${scale}× ${r.name}: p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, ${result.count} requests ${JSON.stringify(result.statuses)}`);
        readFigures.push({ ...r, ...result });
      }

      // Writes one after another, each with the ETag of the one before: PATCH with audit and every rollup kept fresh.
      const patches: number[] = [];
      for (let i = 0; i < 200; i++)
        patches.push(
          await timedPatch(session, patchIds[i % patchIds.length]!, { status: i % 2 === 0 ? 'compliant' : 'legacy', effectiveDate: `20${20 + (i % 6)}-0${1 + (i % 9)}-15` }),
        );
      log(`${scale}× PATCH: p95 ${timings(patches).p95.toFixed(1)} ms`);
      const bulks: number[] = [];
      for (let i = 0; i < 6; i++)
        bulks.push(
          await timedWrite(session, 'POST', `/api/v1/municipalities/${code}/applications/bulk-updates`, {
            applications: bulkIds.map((id) => ({ id })),
            changes: { status: i % 2 === 0 ? 'compliant' : 'in_transition', effectiveDate: `202${i}-03-01` },
          }),
        );
      log(`${scale}× bulk edit of ${BULK_SIZE}: p50 ${timings(bulks).p50.toFixed(0)} ms, max ${timings(bulks).max.toFixed(0)} ms`);
      // Every kind of dashboard read once (the cost measure is the same computation as the count).
      const afterWrites = await readsAfterWrites(session, patchIds, reads.filter((r) => r.dashboard && !r.path.includes('measure=cost')));
      // PRODUCT §10: the board's report and a municipality's, for today, in Dutch. The first report a server makes
      // also starts the worker that draws the charts: timed on its own, as the first of the rounds would be the p95.
      const reportReads: Read[] = [
        { name: 'GET /reports/national (PDF)', path: '/api/v1/reports/national?lang=nl', auth: true, dashboard: false },
        { name: `GET /municipalities/${code}/report (PDF)`, path: `/api/v1/municipalities/${code}/report?lang=nl`, auth: true, dashboard: false },
      ];
      const firstReport = (await readsAfterWrites(session, patchIds, reportReads.slice(0, 1), 1))[0]!.max;
      const reports = await readsAfterWrites(session, patchIds, reportReads, 10);
      log(`${scale}× reports: the first ${firstReport.toFixed(0)} ms; ${reports.map((r) => `${r.name} p95 ${r.p95.toFixed(0)} ms`).join(', ')}`);
      const postgres = ((await db.raw('show server_version')).rows[0] as { server_version: string }).server_version;
      return { scale, databaseUrl: url, ...dataset, generatedMs, rebuildMs, reads: readFigures, patch: timings(patches), bulk: timings(bulks), afterWrites, reports, firstReportMs: firstReport, postgres };
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  } finally {
    await db.destroy();
  }
}
