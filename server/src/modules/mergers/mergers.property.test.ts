/**
 * PRODUCT §12 as a property: whatever the landscapes and whatever mergers follow each other over the years (new
 * codes and absorbing ones, chains of them), registering them leaves the national series the same at every date,
 * leaves every municipality's figures before it took part in a merger as they were, gives every municipality the
 * figures brute force gives it over the raw history, and undoing them all gives back every figure there was.
 * Runs on the embedded database, and on a PostgreSQL server with DATABASE_URL.
 */
import fc from 'fast-check';
import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYERS, STATUSES } from '@tm/shared/schemas/application';
import type { Measure } from '@tm/shared/schemas/progress';
import { addDays } from '@tm/shared/measure/calendar';
import { todayIso } from '@tm/shared/dates';
import register from '../../../../db/reference/municipalities.json' with { type: 'json' };
import { useTestApp } from '../../../test/harness.ts';
import { loadLandscape, oracleMunicipalitySeries, oracleSeries } from '../../../test/measure-oracle.ts';

const { api, db, signIn } = useTestApp();
let admin: supertest.Agent;
beforeAll(async () => {
  admin = (await signIn({ role: 'admin' })).agent;
});

const MEASURES: Measure[] = ['count', 'cost'];
/** The register's municipalities, handed out to the runs (and a failure's shrinking) in turn: no two share one. */
const POOL = register.map((m) => m.code);
let handedOut = 0;
let newCodes = 9500;

const day = (from: string, to: string) =>
  fc.integer({ min: 0, max: Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) }).map((n) => addDays(from, n));
const lastDay = todayIso();

const applicationArbitrary = fc.record({
  since: day('2016-06-01', lastDay),
  status: fc.constantFrom(...STATUSES),
  lifecycle: fc.constantFrom('planned', 'in_production', 'phasing_out'),
  layer: fc.option(fc.constantFrom(...LAYERS), { nil: undefined }),
  annualCost: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: undefined }),
  changes: fc.array(
    fc.record({
      date: day('2016-06-01', lastDay),
      status: fc.option(fc.constantFrom(...STATUSES), { nil: undefined }),
      lifecycle: fc.option(fc.constantFrom('in_production', 'phasing_out', 'phased_out'), { nil: undefined }),
    }),
    { maxLength: 2 },
  ),
});

const scenarioArbitrary = fc.record({
  landscapes: fc.array(fc.array(applicationArbitrary, { maxLength: 4 }), { minLength: 3, maxLength: 5 }),
  mergers: fc.array(
    fc.record({ size: fc.integer({ min: 2, max: 3 }), picks: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }), absorb: fc.boolean(), month: fc.integer({ min: 1, max: 12 }) }),
    { minLength: 1, maxLength: 3 },
  ),
});
type Scenario = typeof scenarioArbitrary extends fc.Arbitrary<infer T> ? T : never;

type Series = { date: string; share: number | null; target: number; landscapeCount: number; compliantCount: number }[];

async function seriesOf(code: string | null): Promise<Record<Measure, Series>> {
  const path = code ? `/api/v1/municipalities/${code}/progress` : '/api/v1/progress/national';
  const [count, cost] = await Promise.all(MEASURES.map(async (measure) => (await api().get(`${path}?measure=${measure}`).expect(200)).body.series as Series));
  return { count: count!, cost: cost! };
}

const before = (series: Series, date: string) => series.filter((p) => p.date < date);

function expectSameSeries(actual: Series, expected: Series, what: string): void {
  expect(actual.map((p) => p.date), what).toEqual(expected.map((p) => p.date));
  expected.forEach((e, i) => {
    const a = actual[i]!;
    expect([a.landscapeCount, a.compliantCount], `${what} ${e.date}`).toEqual([e.landscapeCount, e.compliantCount]);
    if (e.share === null) expect(a.share, `${what} ${e.date}`).toBeNull();
    else expect(a.share, `${what} ${e.date}`).toBeCloseTo(e.share, 9);
    expect(a.target, `${what} ${e.date}`).toBeCloseTo(e.target, 9);
  });
}

async function buildLandscapes(scenario: Scenario, codes: readonly string[]): Promise<void> {
  const editor = (await signIn({ role: 'editor', municipalityCodes: [...codes] })).agent;
  for (const [i, apps] of scenario.landscapes.entries()) {
    for (const [j, app] of apps.entries()) {
      const created = await editor
        .post(`/api/v1/municipalities/${codes[i]}/applications`)
        .send({ name: `App ${i}.${j}`, status: app.status, lifecycle: app.lifecycle, effectiveDate: app.since, layer: app.layer, annualCost: app.annualCost })
        .expect(201);
      let etag = created.headers.etag!;
      for (const change of app.changes) {
        if (!change.status && !change.lifecycle) continue;
        const res = await editor
          .patch(`/api/v1/applications/${created.body.id}`)
          .set('If-Match', etag)
          .send({ status: change.status, lifecycle: change.lifecycle, effectiveDate: change.date });
        expect(res.status, JSON.stringify(res.body)).toBe(200);
        etag = res.headers.etag!;
      }
    }
  }
}

/** Every figure brute force gives for the nation and for each municipality in `formedFrom`, with those it was formed from. */
async function expectOracle(formedFrom: ReadonlyMap<string, string[]>): Promise<void> {
  const apps = await loadLandscape(db());
  const settings = (await api().get('/api/v1/settings').expect(200)).body;
  const today = todayIso();
  const national = await seriesOf(null);
  for (const measure of MEASURES) expectSameSeries(national[measure], oracleSeries(apps, settings, measure, today).series, `national ${measure}`);
  for (const [code, lineage] of formedFrom) {
    const [municipality, actual] = await Promise.all([api().get(`/api/v1/municipalities/${code}`).expect(200), seriesOf(code)]);
    const from = municipality.body.validFrom as string | null;
    for (const measure of MEASURES) {
      const oracle = oracleMunicipalitySeries(apps, code, settings, measure, today, from === null ? [code] : [code, ...lineage]);
      expectSameSeries(actual[measure], oracle.filter((p) => from === null || p.date >= from), `${code} ${measure}`);
    }
  }
}

describe('mergers over the years', () => {
  it('when random mergers in chains are registered on random landscapes and then undone, then the national series never moves, no past changes, and undoing restores every figure', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async (scenario) => {
        const codes = POOL.slice(handedOut, handedOut + scenario.landscapes.length);
        handedOut += scenario.landscapes.length;
        await buildLandscapes(scenario, codes);

        const baseline = { national: await seriesOf(null), own: new Map(await Promise.all(codes.map(async (c) => [c, await seriesOf(c)] as const))) };
        const progressBefore = new Map(await Promise.all(codes.map(async (c) => [c, (await api().get(`/api/v1/municipalities/${c}/progress`).expect(200)).body] as const)));
        // Each municipality in the register now, with every municipality merged into it, and with those it was formed
        // from: its start is pooled from these, and one that absorbs others keeps its own.
        const live = new Map<string, string[]>(codes.map((c) => [c, []]));
        const founders = new Map<string, string[]>(codes.map((c) => [c, []]));
        const registered: string[] = [];
        /** The date of the first merger each municipality took part in: its figures before it never change. */
        const involved = new Map<string, string>();
        const untouched = (code: string) => involved.get(code) ?? '9999-12-31';

        for (const [i, m] of scenario.mergers.entries()) {
          const candidates = [...live.keys()];
          if (candidates.length < 2) break;
          const from = [...new Set(m.picks.slice(0, m.size).map((p) => candidates[p % candidates.length]!))];
          if (from.length < 2) from.push(candidates.find((c) => !from.includes(c))!);
          const date = `${2022 + i}-${String(m.month).padStart(2, '0')}-01`;
          const into = m.absorb ? from[0]! : `GM${newCodes++}`;
          const past = new Map(await Promise.all([...live.keys()].map(async (c) => [c, await seriesOf(c)] as const)));
          for (const c of from) if (!involved.has(c)) involved.set(c, date);

          const res = await admin.post('/api/v1/municipality-mergers').send({ date, from, into: { code: into, name: `Fusie ${into}`, province: 'Gelderland' } });
          expect(res.status, JSON.stringify(res.body)).toBe(201);
          registered.push(res.body.id);
          const lineage = [...new Set(from.flatMap((c) => [c, ...live.get(c)!]))].filter((c) => c !== into).sort();
          const formedFrom = m.absorb ? founders.get(into)! : lineage;
          for (const c of from) live.delete(c);
          live.set(into, lineage);
          founders.set(into, formedFrom);

          const national = await seriesOf(null);
          for (const measure of MEASURES) expectSameSeries(national[measure], baseline.national[measure], `national ${measure} after merger into ${into}`);
          // What every municipality showed before this merger's date, it still shows; one that merged away shows
          // nothing after its last day.
          for (const [code, was] of past) {
            const now = await seriesOf(code);
            for (const measure of MEASURES) {
              const cut = from.includes(code) ? date : '9999-12-31';
              expectSameSeries(before(now[measure], cut), before(was[measure], cut), `${code} ${measure} after merger into ${into}`);
              if (from.includes(code) && code !== into) expect(now[measure].at(-1)!.date).toBe(addDays(date, -1));
            }
          }
          for (const [code, own] of baseline.own) {
            const now = await seriesOf(code);
            for (const measure of MEASURES) expectSameSeries(before(now[measure], untouched(code)), before(own[measure], untouched(code)), `${code} ${measure} against the start`);
          }
        }
        await expectOracle(new Map([...live.keys()].map((c) => [c, founders.get(c)!])));

        for (const id of registered.reverse()) await admin.delete(`/api/v1/municipality-mergers/${id}`).expect(204);
        const national = await seriesOf(null);
        for (const measure of MEASURES) expectSameSeries(national[measure], baseline.national[measure], `national ${measure} after undoing`);
        for (const code of codes) expect((await api().get(`/api/v1/municipalities/${code}/progress`).expect(200)).body, code).toEqual(progressBefore.get(code));
      }),
      { numRuns: 5 },
    );
  });
});
