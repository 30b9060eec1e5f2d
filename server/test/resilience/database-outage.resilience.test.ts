/**
 * The database server stopped and started again while the app is under load: requests during the outage get a
 * 503 with Retry-After at once (no hang, no dropped connection), the health check says the database is down, the
 * app recovers by itself, and every write it confirmed is there afterwards.
 */
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@tm/db/connection';
import { startServerProcess, type ServerProcess } from '../server-process.ts';
import { logIn, prepareWithEditor, type Session } from './accounts.ts';
import { eventually } from './eventually.ts';
import { createPrivateCluster, type PrivateCluster } from './private-cluster.ts';

const WORKERS = 6;
const RECOVERY_BUDGET_MS = 10_000;

type Phase = 'up' | 'down' | 'restarted';
type Outcome = { phase: Phase; op: string; status?: number; retryAfter?: string | null; contentType?: string | null; id?: string; failure?: string };

let cluster: PrivateCluster;
let server: ServerProcess;
let session: Session;

beforeAll(async () => {
  cluster = await createPrivateCluster();
  await prepareWithEditor(cluster.url);
  server = await startServerProcess({ DATABASE_URL: cluster.url });
  session = await logIn(server.url);
});

afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  cluster?.destroy();
});

/** The outage's waits are long: the load, the restart of the database and the app's recovery. */
const waitFor = (what: string, condition: () => boolean | Promise<boolean>) => eventually(what, condition, { withinMs: 120_000, output: () => server.output() });

describe('the database server stopped and started under load', () => {
  it('when PostgreSQL goes away and comes back, then callers get 503 with Retry-After meanwhile, the app recovers by itself and keeps every write it confirmed', async () => {
    const outcomes: Outcome[] = [];
    let phase: Phase = 'up';
    let running = true;
    let sequence = 0;

    const operations = {
      'GET /progress/national': () => fetch(`${server.url}/api/v1/progress/national`, { signal: AbortSignal.timeout(15_000) }),
      'GET /municipalities/GM0546/applications': () =>
        fetch(`${server.url}/api/v1/municipalities/GM0546/applications`, { headers: { cookie: session.cookie }, signal: AbortSignal.timeout(15_000) }),
      'POST /municipalities/GM0546/applications': () =>
        fetch(`${server.url}/api/v1/municipalities/GM0546/applications`, {
          method: 'POST',
          headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
          body: JSON.stringify({ name: `Onder belasting ${sequence++}` }),
          signal: AbortSignal.timeout(15_000),
        }),
    };
    const names = Object.keys(operations) as (keyof typeof operations)[];

    const worker = async (w: number) => {
      for (let i = 0; running; i++) {
        const op = names[(w + i) % names.length]!;
        const at = phase;
        try {
          const res = await operations[op]();
          const body = await res.text();
          outcomes.push({
            phase: at,
            op,
            status: res.status,
            retryAfter: res.headers.get('retry-after'),
            contentType: res.headers.get('content-type'),
            ...(res.status === 201 ? { id: (JSON.parse(body) as { id: string }).id } : {}),
          });
        } catch (error) {
          outcomes.push({ phase: at, op, failure: String((error as Error).cause ?? error) });
        }
        // Refusals come back at once: a pause keeps the load from being only a busy loop on two cores.
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    const workers = Array.from({ length: WORKERS }, (_, w) => worker(w));
    const seen = (p: Phase, status: number, op?: string) => () => outcomes.some((o) => o.phase === p && o.status === status && (!op || o.op === op));

    await waitFor('load before the outage', () => outcomes.filter((o) => o.status === 201).length >= 20);
    // As a crash would: no checkpoint, every connection cut.
    cluster.stop('immediate');
    phase = 'down';
    for (const op of names) await waitFor(`a 503 to ${op} during the outage`, seen('down', 503, op));
    const health = await fetch(`${server.url}/api/v1/health`);
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).toBeTruthy();
    expect(await health.json()).toMatchObject({ status: 'unavailable', database: 'down' });

    cluster.start();
    phase = 'restarted';
    const restartedAt = Date.now();
    await waitFor('the health check to answer 200 again', async () => (await fetch(`${server.url}/api/v1/health`)).status === 200);
    const recoveredMs = Date.now() - restartedAt;
    await waitFor('writes after the restart', seen('restarted', 201));
    running = false;
    await Promise.all(workers);

    const counts = Object.fromEntries(['up', 'down', 'restarted'].map((p) => [p, outcomes.filter((o) => o.phase === p).length]));
    console.info(`database outage: ${outcomes.length} requests ${JSON.stringify(counts)}, healthy again ${recoveredMs} ms after PostgreSQL was back`);
    expect(outcomes.filter((o) => o.failure), 'requests that hung or lost their connection').toEqual([]);
    for (const o of outcomes) {
      expect([200, 201, 503], `${o.op} during ${o.phase}; the server logged:\n${server.output().split('\n').filter((l) => l.includes('"status":500')).join('\n')}`).toContain(o.status);
      if (o.status === 503) {
        expect(o.retryAfter, `${o.op}: Retry-After`).toMatch(/^\d+$/);
        expect(o.contentType, `${o.op}: problem document`).toMatch(/application\/problem\+json/);
      }
    }
    expect(recoveredMs).toBeLessThanOrEqual(RECOVERY_BUDGET_MS);

    const confirmed = outcomes.filter((o) => o.status === 201).map((o) => o.id!);
    const db: Knex = createDb({ kind: 'server', url: cluster.url, poolMax: 1 });
    try {
      const stored = await db('applications').whereIn('id', confirmed).pluck('id');
      expect(new Set(stored)).toEqual(new Set(confirmed));
    } finally {
      await db.destroy();
    }
  });
});
