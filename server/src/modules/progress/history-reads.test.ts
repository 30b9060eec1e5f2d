/**
 * Figures as known at an earlier moment are computed from the raw history: what one caller could make the server
 * do over and over. Each moment is asked by what it means, computations wait for a place in a bounded line,
 * anonymous callers are limited per address, and a computation ends at its class's statement timeout.
 */
import { createDb } from '@tm/db/connection';
import type { Knex } from 'knex';
import supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '@tm/shared/dates';
import { createApp } from '../../app.ts';
import type { LoadLimits } from '../../http/load-limits.ts';
import { createHttpServer } from '../../http/http-server.ts';
import { useTestApp } from '../../../test/harness.ts';

const { api, db, signIn, createAccount } = useTestApp();
let editor: supertest.Agent;
beforeAll(async () => {
  editor = (await signIn({ role: 'editor', municipalityCodes: ['GM0599'] })).agent;
  await editor.post('/api/v1/municipalities/GM0599/applications').send({ name: 'Burgerzaken', status: 'compliant', inUseSince: '2020-01-01' }).expect(201);
});

/** Another server on the same database, with other limits. */
function serverWith(limits: Partial<LoadLimits>, database: Knex = db(), healthDb?: Knex) {
  return supertest(createHttpServer(createApp({ db: database, limits, ...(healthDb ? { healthDb } : {}) })));
}

const onPostgreSql = Boolean(process.env.DATABASE_URL);
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

describe('figures as known at an earlier moment', () => {
  it('when the same moment is asked with another offset or more digits, then the kept answer is used, not a new computation', async () => {
    const moment = new Date(Date.now() - 3_600_000);
    const spellings = [
      moment.toISOString(),
      `${new Date(moment.getTime() + 2 * 3_600_000).toISOString().slice(0, 23)}+02:00`,
      moment.toISOString().replace('Z', '499-00:00'),
    ];
    const queries: string[] = [];
    const count = (q: { sql: string }) => queries.push(q.sql);
    db().on('query', count);
    try {
      const first = await api().get('/api/v1/progress/national').query({ knownAt: spellings[0] }).expect(200);
      const computed = queries.length;
      for (const knownAt of spellings.slice(1)) {
        const again = await api().get('/api/v1/progress/national').query({ knownAt }).expect(200);
        expect(again.headers.etag).toBe(first.headers.etag);
      }
      // Each repeat asks the database only for the measure revision.
      expect(queries.length - computed).toBe(spellings.length - 1);
      expect(computed).toBeGreaterThan(spellings.length);
    } finally {
      db().off('query', count);
    }
  });

  it('when a date is asked, then it means as known at the end of that day, and the figures are for that day', async () => {
    const today = (await api().get('/api/v1/municipalities/GM0599/progress').query({ knownAt: todayIso() }).expect(200)).body;
    expect(today.summary).toMatchObject({ date: todayIso(), share: 1, landscapeCount: 1 });
    const before = (await api().get('/api/v1/municipalities/GM0599/progress').query({ knownAt: yesterday }).expect(200)).body;
    expect(before.summary).toMatchObject({ date: yesterday, share: null, landscapeCount: 0 });
    const bad = await api().get('/api/v1/municipalities/GM0599/progress').query({ knownAt: '2026-13-45' }).expect(400);
    expect(bad.body.errors).toEqual([
      { path: 'knownAt', code: 'validation.dateOrDateTime', message: 'Vul een datum (JJJJ-MM-DD) of een tijdstip volgens ISO 8601 in.' },
    ]);
  });

  it('when an anonymous client asks for more of them than its limit, then 429 with Retry-After; today’s figures and signed-in callers are not limited', async () => {
    const limited = serverWith({ anonymousHistoryReadsPerMinute: 3 });
    const from = (address: string) => ({ 'X-Forwarded-For': address });
    for (let i = 0; i < 3; i++)
      await limited.get('/api/v1/progress/national').set(from('192.0.2.10')).query({ knownAt: `2025-01-0${i + 1}` }).expect(200);
    const refused = await limited.get('/api/v1/progress/national').set(from('192.0.2.10')).query({ knownAt: '2025-01-09' }).expect(429);
    expect(refused.headers['content-type']).toMatch(/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers.ratelimit).toBeDefined();
    await limited.get('/api/v1/municipalities/GM0599/progress').set(from('192.0.2.10')).query({ knownAt: '2025-01-09' }).expect(429);
    await limited.get('/api/v1/progress/national').set(from('192.0.2.10')).expect(200);
    await limited.get('/api/v1/progress/national').set(from('192.0.2.11')).query({ knownAt: '2025-01-09' }).expect(200);
    // Signed in through the same server: known, and bounded by the line, not by the limit.
    const account = await createAccount({ role: 'viewer' });
    const browser = supertest.agent(createHttpServer(createApp({ db: db(), limits: { anonymousHistoryReadsPerMinute: 1 } })));
    await browser.post('/api/v1/sessions').send({ email: account.email, password: account.password }).expect(201);
    for (let i = 0; i < 3; i++) await browser.get('/api/v1/progress/national').set(from('192.0.2.12')).query({ knownAt: `2025-02-0${i + 1}` }).expect(200);
  });

  // The embedded database answers within the same turn of the event loop, so requests never overlap there.
  it.runIf(onPostgreSql)('when more of them are asked at once than may run and wait, then the rest get 503 with Retry-After and the others their figures (PostgreSQL server)', async () => {
    const busy = serverWith({ historyReadsAtOnce: 1, historyReadsWaiting: 1, anonymousHistoryReadsPerMinute: 1_000 });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => busy.get('/api/v1/progress/national').query({ knownAt: `2024-03-${String(i + 10)}` })),
    );
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 503).length, statuses.join(' ')).toBeGreaterThan(0);
    expect(statuses.every((s) => s === 200 || s === 503), statuses.join(' ')).toBe(true);
    for (const refused of answers.filter((a) => a.status === 503)) {
      expect(refused.headers['retry-after']).toBe('5');
      expect(refused.body.code).toBe('http.historyReadsBusy');
    }
    // Once the line has cleared, the same question is answered.
    await busy.get('/api/v1/progress/national').query({ knownAt: '2024-03-10' }).expect(200);
  });

  it.runIf(onPostgreSql)('when a computation takes longer than its class may, then the database stops it and the answer is 503 (PostgreSQL server)', async () => {
    const hurried = serverWith({ historyReadSeconds: 0.3 });
    // A writer holding the history makes the computation wait, as a slow scan would, past its time.
    const writer = await db().transaction();
    try {
      await writer.raw('lock table application_events in access exclusive mode');
      const started = Date.now();
      const res = await hurried.get('/api/v1/progress/national').query({ knownAt: '2023-05-05' }).expect(503);
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(res.body.code).toBe('http.statementTimeout');
      expect(res.headers['retry-after']).toBe('5');
    } finally {
      await writer.rollback();
    }
    // The connection is not left in a bad state: the next reads are answered.
    await hurried.get('/api/v1/progress/national').expect(200);
  });

  it.runIf(onPostgreSql)('when every connection of the pool is busy, then the health check still answers within a second (PostgreSQL server)', async () => {
    const url = (db().client.config as { connection: { connectionString: string } }).connection.connectionString;
    const pool = createDb({ kind: 'server', url, poolMax: 2 });
    const health = createDb({ kind: 'server', url, poolMax: 1, statementTimeoutMs: 1_000, acquireTimeoutMs: 1_000 });
    try {
      const server = serverWith({}, pool, health);
      const sleepers = [pool.raw('select pg_sleep(3)'), pool.raw('select pg_sleep(3)')];
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = Date.now();
      const res = await server.get('/api/v1/health').expect(200);
      expect(Date.now() - started).toBeLessThan(1_000);
      expect(res.body).toEqual({ status: 'ok', database: 'up' });
      await Promise.all(sleepers);
    } finally {
      await Promise.all([pool.destroy(), health.destroy()]);
    }
  });
});
