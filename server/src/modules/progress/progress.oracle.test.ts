import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYERS, LIFECYCLES, STATUSES } from '@tm/shared/schemas/application';
import type { Measure } from '@tm/shared/schemas/progress';
import { addDays, yearsBetween } from '@tm/shared/measure/calendar';
import { todayIso } from '@tm/shared/dates';
import { rebuildRollups } from '@tm/db/progress-rollups';
import { useTestApp } from '../../../test/harness.ts';
import { loadLandscape, type OracleApplication, oracleByLayer, oracleSeries, oracleStanding } from '../../../test/measure-oracle.ts';

const { api, db, signIn } = useTestApp();
const MUNICIPALITIES = ['GM0546', 'GM0363', 'GM0014'];

let editor: supertest.Agent;
let admin: supertest.Agent;
beforeAll(async () => {
  editor = (await signIn({ role: 'editor', municipalityCodes: MUNICIPALITIES })).agent;
  admin = (await signIn({ role: 'admin' })).agent;
});
const SEED = 20261129;

/** A small deterministic generator, so that a failure can be replayed from the seed. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T,>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const today = todayIso();
  const date = () => addDays('2017-01-01', int(0, Math.floor(yearsBetween('2017-01-01', today) * 365.25)));
  return { next, int, pick, date };
}

type Live = { id: string; etag: string };

async function readProgress(code: string, measure: Measure, knownAt?: string) {
  const res = await api().get(`/api/v1/municipalities/${code}/progress`).query({ measure, ...(knownAt ? { knownAt } : {}) });
  expect(res.status).toBe(200);
  return res.body;
}

function expectSeriesEqual(actual: { date: string; share: number | null; target: number; landscapeCount: number; compliantCount: number }[], expected: typeof actual) {
  expect(actual.map((p) => p.date)).toEqual(expected.map((p) => p.date));
  expected.forEach((e, i) => {
    const a = actual[i]!;
    expect({ date: a.date, landscapeCount: a.landscapeCount, compliantCount: a.compliantCount }).toEqual({
      date: e.date,
      landscapeCount: e.landscapeCount,
      compliantCount: e.compliantCount,
    });
    if (e.share === null) expect(a.share, e.date).toBeNull();
    else expect(a.share, e.date).toBeCloseTo(e.share, 9);
    expect(a.target, e.date).toBeCloseTo(e.target, 9);
  });
}

async function compareWithOracle(apps: OracleApplication[], today: string, knownAt?: string) {
  const settings = (await api().get('/api/v1/settings').expect(200)).body;
  for (const measure of ['count', 'cost'] as const) {
    for (const code of MUNICIPALITIES) {
      const mine = apps.filter((a) => a.municipalityCode === code);
      const body = await readProgress(code, measure, knownAt);
      const oracle = oracleSeries(mine, settings, measure, today);
      expectSeriesEqual(body.series, oracle.series);
      const standing = oracleStanding(mine, settings, measure, today);
      expect(body.summary).toMatchObject({ landscapeCount: standing.landscapeCount, compliantCount: standing.compliantCount, status: standing.status });
      if (measure === 'cost') {
        expect(body.summary.landscapeCost).toBeCloseTo(standing.landscapeCost!, 2);
        expect(body.summary.costCoverage ?? null).toEqual(standing.costCoverage);
      }
      const layers = oracleByLayer(mine, measure, today).filter((l) => l.layer !== null || l.landscapeCount > 0);
      expect(body.byLayer.map((l: { layer: string | null; landscapeCount: number; compliantCount: number; inTransitionCount: number }) => ({
        layer: l.layer, landscapeCount: l.landscapeCount, compliantCount: l.compliantCount, inTransitionCount: l.inTransitionCount,
      }))).toEqual(layers.map(({ share: _share, ...l }) => l));
    }

    const national = await api().get('/api/v1/progress/national').query({ measure, ...(knownAt ? { knownAt } : {}) }).expect(200);
    expectSeriesEqual(national.body.series, oracleSeries(apps, settings, measure, today).series);
    for (const code of MUNICIPALITIES) {
      const entry = national.body.distribution.municipalities.find((m: { code: string }) => m.code === code);
      const standing = oracleStanding(apps.filter((a) => a.municipalityCode === code), settings, measure, today);
      expect(entry.target).toBeCloseTo(standing.target, 9);
      expect({ landscapeCount: entry.landscapeCount, compliantCount: entry.compliantCount, status: entry.status }).toEqual({
        landscapeCount: standing.landscapeCount,
        compliantCount: standing.compliantCount,
        status: standing.status,
      });
      if (standing.share === null) expect(entry.share).toBeNull();
      else expect(entry.share).toBeCloseTo(standing.share, 9);
    }
    const peers = await editor.get('/api/v1/municipalities/GM0546/peers').query({ group: 'all', measure, ...(knownAt ? { knownAt } : {}) }).expect(200);
    for (const code of MUNICIPALITIES) {
      const member = peers.body.members.find((m: { code: string }) => m.code === code);
      const standing = oracleStanding(apps.filter((a) => a.municipalityCode === code), settings, measure, today);
      expect(member.landscapeCount).toBe(standing.landscapeCount);
      expect(member.target).toBeCloseTo(standing.target, 9);
      expect(member.status).toBe(standing.status);
    }
  }
}

describe('the measure against a brute-force oracle', () => {
  it(`when random landscapes get random back-dated histories (seed ${SEED}), then every figure equals the brute force over the raw history, now and as known earlier`, async () => {
    const r = random(SEED);
    const live: Live[] = [];
    const etags = new Map<string, string>();
    let knownAt: string | undefined;
    const operations = 70;
    for (let op = 0; op < operations; op++) {
      if (op === Math.floor(operations / 2)) {
        knownAt = new Date().toISOString();
        // Nothing recorded after this moment may be part of the "as known at" figures.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const choice = live.length < 6 ? 0 : r.next();
      if (choice < 0.35) {
        const code = r.pick(MUNICIPALITIES);
        const res = await editor.post(`/api/v1/municipalities/${code}/applications`).send({
          name: `App ${op}`,
          status: r.pick(STATUSES),
          lifecycle: r.pick(LIFECYCLES),
          layer: r.next() < 0.15 ? null : r.pick(LAYERS),
          annualCost: r.next() < 0.3 ? null : r.int(0, 500_000) / 4,
          effectiveDate: r.date(),
        });
        expect(res.status).toBe(201);
        live.push({ id: res.body.id, etag: res.headers.etag! });
        etags.set(res.body.id, res.headers.etag!);
        continue;
      }
      const target = r.pick(live);
      if (choice < 0.4) {
        await editor.delete(`/api/v1/applications/${target.id}`).set('If-Match', target.etag).expect(204);
        live.splice(live.indexOf(target), 1);
        continue;
      }
      const kind = r.int(0, 3);
      const body =
        kind === 0
          ? { status: r.pick(STATUSES), effectiveDate: r.date() }
          : kind === 1
            ? { lifecycle: r.pick(LIFECYCLES), effectiveDate: r.date() }
            : kind === 2
              ? { status: r.pick(STATUSES), lifecycle: r.pick(LIFECYCLES), effectiveDate: r.date() }
              : { layer: r.pick([...LAYERS, null]), annualCost: r.next() < 0.3 ? null : r.int(0, 400_000) / 4 };
      const res = await editor.patch(`/api/v1/applications/${target.id}`).set('If-Match', target.etag).send(body);
      expect(res.status).toBe(200);
      target.etag = res.headers.etag!;
    }

    const today = todayIso();
    await compareWithOracle(await loadLandscape(db()), today);
    await compareWithOracle(await loadLandscape(db(), knownAt), new Date(knownAt!).toISOString().slice(0, 10), knownAt);

    // A programme start in a month with changes puts the starting share's month boundary to the test.
    const events: { effective_date: string }[] = await db()('application_events').select('effective_date').orderBy('id');
    const programmeStart = `${r.pick(events).effective_date.slice(0, 7)}-01`;
    await admin.put('/api/v1/settings').send({ programmeStart, annualRate: 0.07 }).expect(200);
    // Changes on either side of that boundary, kept by the writes themselves.
    for (const [i, effectiveDate] of [programmeStart, addDays(programmeStart, -1), programmeStart, addDays(programmeStart, 3)].entries()) {
      const target = live[i % live.length]!;
      const res = await editor.patch(`/api/v1/applications/${target.id}`).set('If-Match', target.etag)
        .send({ status: i % 2 === 0 ? 'compliant' : 'legacy', lifecycle: 'in_production', effectiveDate }).expect(200);
      target.etag = res.headers.etag!;
    }
    await compareWithOracle(await loadLandscape(db()), today);

    // The set-based rebuild after a bulk load gives the very same figures as the writes kept.
    await rebuildRollups(db());
    await compareWithOracle(await loadLandscape(db()), today);
    await compareWithOracle(await loadLandscape(db(), knownAt), new Date(knownAt!).toISOString().slice(0, 10), knownAt);
  }, 600_000);
});
