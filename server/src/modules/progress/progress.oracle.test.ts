import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYERS, LIFECYCLES, STATUSES } from '@tm/shared/schemas/application';
import type { Measure } from '@tm/shared/schemas/progress';
import type { Recommendation } from '@tm/shared/schemas/peers';
import { addDays, addMonths, yearsBetween } from '@tm/shared/measure/calendar';
import { todayIso } from '@tm/shared/dates';
import { DEFAULT_SETTINGS } from '@tm/shared/schemas/settings';
import { useTestApp } from '../../../test/harness.ts';
import {
  loadAttestations,
  loadLandscape,
  loadJudgements,
  loadVerdicts,
  memberOn,
  type OracleApplication,
  oracleByLayer,
  oracleCompleteness,
  oracleCompliantProducts,
  oracleFreshness,
  oracleLegacyComponents,
  oracleLifecycleCounts,
  oracleMunicipalitySeries,
  oracleRecommendations,
  oracleSeries,
  oracleStanding,
  oracleVerified,
} from '../../../test/measure-oracle.ts';
import { csv } from '../../../test/spreadsheets.ts';
import { LIFECYCLE_LABELS, STATUS_LABELS } from '../imports/values.ts';
import { figuresRebuilt } from './figures-changed.ts';

// The oracle reads every municipality as known earlier, anonymously, far more often than a visitor may.
const { api, db, signIn } = useTestApp({ limits: { anonymousHistoryReadsPerMinute: 100_000 } });
const MUNICIPALITIES = ['GM0546', 'GM0363', 'GM0014'];

const SEED = 20261129;
let editor: supertest.Agent;
let admin: supertest.Agent;
let steward: supertest.Agent;
/** A few reference components, vendors and products, so that top lists and recommendations have ties and overlaps. */
let components: string[];
const VENDORS = [null, '', 'Leverancier A', 'Leverancier B'];
const PRODUCTS = [null, 'Zaaksysteem', 'Zaaksysteem', 'Archief'];
beforeAll(async () => {
  editor = (await signIn({ role: 'editor', municipalityCodes: MUNICIPALITIES })).agent;
  admin = (await signIn({ role: 'admin' })).agent;
  steward = (await signIn({ role: 'steward' })).agent;
  components = (await api().get('/api/v1/reference-components').expect(200)).body.items.slice(0, 4).map((c: { id: string }) => c.id);
});

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

type Live = { id: string; etag: string; code: string; name: string };

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

type TopComponent = { referenceComponentId: string; municipalityCount: number };
type TopProduct = { productId: string; assessmentLevel: string | null; municipalityCount: number; applicationCount: number };

/**
 * A top list is the first entries of the oracle's full ranking: each entry's figures are the oracle's, in ranking
 * order, and nothing left out ranks strictly above the last one shown.
 */
function expectTopList<T>(actual: T[], oracle: Map<string, number[]>, keyOf: (t: T) => string, figuresOf: (t: T) => number[], limit: number) {
  // Positive when a ranks above b: the figures compared in order, larger first.
  const rank = (a: number[], b: number[]) => a.reduce((d, x, i) => d || x - b[i]!, 0);
  expect(actual.length).toBe(Math.min(limit, oracle.size));
  actual.forEach((t) => expect(figuresOf(t), keyOf(t)).toEqual(oracle.get(keyOf(t))));
  for (let i = 1; i < actual.length; i++) expect(rank(figuresOf(actual[i - 1]!), figuresOf(actual[i]!))).toBeGreaterThanOrEqual(0);
  const last = actual.at(-1);
  const shown = new Set(actual.map(keyOf));
  if (last) for (const [key, figures] of oracle) if (!shown.has(key)) expect(rank(figuresOf(last), figures), key).toBeGreaterThanOrEqual(0);
}

/** Top lists, recommendations and completeness: figures about today's landscape, also when read as known earlier. */
async function compareUsageWithOracle(current: OracleApplication[], today: string, knownAt?: string) {
  const query = knownAt ? { knownAt } : {};
  const judgements = await loadJudgements(db());
  for (const measure of ['count', 'cost'] as const) {
    const national = (await api().get('/api/v1/progress/national').query({ measure, ...query }).expect(200)).body;
    expect(national.summary.completeness).toEqual(oracleCompleteness(current, measure, today));
    for (const code of MUNICIPALITIES) {
      const mine = (await readProgress(code, measure, knownAt)).summary.completeness;
      expect(mine).toEqual(oracleCompleteness(current.filter((a) => a.municipalityCode === code), measure, today));
    }
    expectTopList(
      national.topLegacyReferenceComponents,
      new Map([...oracleLegacyComponents(current, today)].map(([rc, n]) => [rc, [n]])),
      (t: TopComponent) => t.referenceComponentId,
      (t: TopComponent) => [t.municipalityCount],
      10,
    );
    const products = oracleCompliantProducts(current, judgements, today);
    expectTopList(
      national.topCompliantProducts,
      new Map([...products].map(([id, p]) => [id, [p.municipalityCount, p.applicationCount]])),
      (t: TopProduct) => t.productId,
      (t: TopProduct) => [t.municipalityCount, t.applicationCount],
      10,
    );
    for (const t of national.topCompliantProducts as TopProduct[]) expect(t.assessmentLevel, t.productId).toBe(products.get(t.productId)!.assessmentLevel);
  }
  for (const group of ['all', 'province']) {
    const body = (await editor.get('/api/v1/municipalities/GM0546/peers').query({ group, ...query }).expect(200)).body;
    const oracle = oracleRecommendations(current, judgements, 'GM0546', body.members.map((m: { code: string }) => m.code), today);
    const actual = new Map(
      body.recommendations.map((r: Recommendation) => [
        r.referenceComponentId,
        {
          myApplicationIds: r.myApplications.map((a) => a.id).sort(),
          peerCount: r.peerCount,
          products: new Map(
            r.products.map((p) => [
              p.productId,
              { municipalities: p.municipalities.map((m) => m.code).sort(), legacyHere: p.legacyHere.map((a) => a.id).sort(), assessmentLevel: p.assessmentLevel },
            ]),
          ),
        },
      ]),
    );
    expect(actual, group).toEqual(oracle);
  }
}

type Freshness = { attestedAt: string | null; staleOn: string | null; stale: boolean };
const freshnessOf = ({ attestedAt, staleOn, stale }: Freshness): Freshness => ({ attestedAt, staleOn, stale });

/** The verified share, coverage and disagreements of a summary against the brute force (PRODUCT §9). */
function expectVerified(summary: { verifiedShare: number | null; verifiedCoverage: number | null; disagreementCount: number }, oracle: ReturnType<typeof oracleVerified>, label: string) {
  expect(summary.disagreementCount, label).toBe(oracle.disagreementCount);
  for (const field of ['verifiedShare', 'verifiedCoverage'] as const) {
    if (oracle[field] === null) expect(summary[field], `${label} ${field}`).toBeNull();
    else expect(summary[field], `${label} ${field}`).toBeCloseTo(oracle[field], 9);
  }
}

async function compareWithOracle(apps: OracleApplication[], today: string, knownAt?: string) {
  const settings = (await api().get('/api/v1/settings').expect(200)).body;
  const verdicts = await loadVerdicts(db(), knownAt);
  const attested = await loadAttestations(db(), knownAt);
  const freshness = (code: string) => oracleFreshness(attested.get(code), settings.staleAfterMonths, today);
  for (const measure of ['count', 'cost'] as const) {
    for (const code of MUNICIPALITIES) {
      const mine = apps.filter((a) => memberOn(a, today) === code);
      const body = await readProgress(code, measure, knownAt);
      expect(freshnessOf(body.summary), code).toEqual(freshness(code));
      const oracle = oracleSeries(mine, settings, measure, today);
      expectSeriesEqual(body.series, oracleMunicipalitySeries(apps, code, settings, measure, today));
      const standing = oracleStanding(mine, settings, measure, today);
      expect(body.summary).toMatchObject({ landscapeCount: standing.landscapeCount, compliantCount: standing.compliantCount, status: standing.status });
      expect(body.summary.lifecycleCounts).toEqual(oracleLifecycleCounts(mine, today));
      expectVerified(body.summary, oracleVerified(mine, verdicts, measure, today), `${code} ${measure}`);
      if (oracle.startShare === null) expect(body.summary.startShare).toBeNull();
      else expect(body.summary.startShare).toBeCloseTo(oracle.startShare, 9);
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
    expectVerified(national.body.summary, oracleVerified(apps, verdicts, measure, today), `national ${measure}`);
    // A group's series: the applications of its members on the day, each with its whole history.
    for (const group of [{ province: 'Zuid-Holland' }, { sizeClass: 7 }]) {
      const members: string[] = (await api().get('/api/v1/municipalities').query({ ...group, date: today }).expect(200)).body.items.map((m: { code: string }) => m.code);
      const figures = await api().get('/api/v1/progress/national').query({ measure, ...group, ...(knownAt ? { knownAt } : {}) }).expect(200);
      expectSeriesEqual(figures.body.series, oracleSeries(apps.filter((a) => members.includes(memberOn(a, today))), settings, measure, today).series);
    }
    const register: (Freshness & { code: string })[] = national.body.distribution.municipalities;
    for (const entry of register) expect(freshnessOf(entry), entry.code).toEqual(freshness(entry.code));
    expect(national.body.summary.freshCount).toBe(register.filter((m) => !freshness(m.code).stale).length);
    for (const code of MUNICIPALITIES) {
      const entry = national.body.distribution.municipalities.find((m: { code: string }) => m.code === code);
      const standing = oracleStanding(apps.filter((a) => memberOn(a, today) === code), settings, measure, today);
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
      const standing = oracleStanding(apps.filter((a) => memberOn(a, today) === code), settings, measure, today);
      expect(member.landscapeCount).toBe(standing.landscapeCount);
      expect(member.target).toBeCloseTo(standing.target, 9);
      expect(member.status).toBe(standing.status);
      expect(freshnessOf(member), code).toEqual(freshness(code));
    }
  }
}

function someComponents(r: ReturnType<typeof random>): string[] {
  return components.filter(() => r.next() < 0.35);
}

const dutchDate = (iso: string) => iso.split('-').reverse().join('-');

/**
 * An import commit into `code`: some of its applications changed (status back-dated, product, components), some
 * new ones, and now and then the ones left out phased out. Refreshes the ETags the import made stale.
 */
async function importInto(r: ReturnType<typeof random>, code: string, live: Live[], op: number) {
  const header = ['ID', 'Naam', 'Product', 'Referentiecomponenten', 'Status', 'Gebruiksstatus', 'Ingangsdatum'];
  const row = (id: string, name: string) => [
    id,
    name,
    r.pick(PRODUCTS) ?? '',
    someComponents(r).join(';'),
    STATUS_LABELS[r.pick(STATUSES)],
    LIFECYCLE_LABELS[r.pick(LIFECYCLES)],
    dutchDate(r.date()),
  ];
  const existing = live.filter((a) => a.code === code && r.next() < 0.5);
  const added = Array.from({ length: r.int(0, 3) }, (_, i) => `Import ${op}.${i}`);
  const file = csv([header, ...existing.map((a) => row(a.id, a.name)), ...added.map((name) => row('', name))]);
  const missing = r.next() < 0.2 ? '&missing=phase-out' : '';
  const res = await editor.post(`/api/v1/municipalities/${code}/imports?mode=commit${missing}`).attach('file', Buffer.from(file, 'utf8'), 'inventaris.csv');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const items: { id: string; name: string }[] = (await editor.get(`/api/v1/municipalities/${code}/applications?pageSize=500`).expect(200)).body.items;
  for (const item of items) {
    const known = live.find((a) => a.id === item.id);
    const etag = (await editor.get(`/api/v1/applications/${item.id}`).expect(200)).headers.etag!;
    if (known) known.etag = etag;
    else live.push({ id: item.id, etag, code, name: item.name });
  }
}

describe('the measure against a brute-force oracle', () => {
  it(`when random landscapes get random back-dated histories (seed ${SEED}), then every figure and every inventory's freshness equals the brute force over the raw rows, now and as known earlier`, async () => {
    const r = random(SEED);
    const live: Live[] = [];
    let knownAt: string | undefined;
    // Attestations of the past (as the demo has them), some municipalities none; and one on either side of going stale today.
    const attesting = random(SEED + 1);
    const judging = random(SEED + 2);
    const DAY = 86_400_000;
    const past = [...MUNICIPALITIES, 'GM0518'].flatMap((code) =>
      Array.from({ length: attesting.int(0, 3) }, () => ({ code, at: new Date(Date.now() - attesting.int(0, 900 * DAY)) })),
    );
    const staleToday = addMonths(todayIso(), -DEFAULT_SETTINGS.staleAfterMonths);
    past.push({ code: 'GM0344', at: new Date(`${staleToday}T23:59:59Z`) }, { code: 'GM0599', at: new Date(`${addDays(staleToday, 1)}T00:00:00Z`) });
    await db()('attestations').insert(past.map(({ code, at }) => ({ municipality_code: code, attested_at: at, actor_name: 'Oracle' })));
    const operations = 90;
    for (let op = 0; op < operations; op++) {
      if (op === Math.floor(operations / 2)) {
        knownAt = new Date().toISOString();
        // Nothing recorded after this moment may be part of the "as known at" figures.
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      // Read now and then, so that the figures compared at the end are those a server kept up to date write by write.
      if (op % 6 === 0) {
        await api().get('/api/v1/progress/national').expect(200);
        await editor.get('/api/v1/municipalities/GM0546/peers').query({ group: 'all' }).expect(200);
      }
      if (attesting.next() < 0.08) await editor.post(`/api/v1/municipalities/${attesting.pick(MUNICIPALITIES)}/attestations`).send({}).expect(201);
      // Judgements of the versions the applications run: verified by a steward, or only claimed by an editor.
      if (live.length > 0 && judging.next() < 0.15) {
        const { productVersionId } = (await editor.get(`/api/v1/applications/${judging.pick(live).id}`).expect(200)).body;
        await (judging.next() < 0.75 ? steward : editor)
          .post(`/api/v1/product-versions/${productVersionId}/assessments`)
          .send({ verdict: judging.pick(['compliant', 'not_compliant']), evidence: 'Oracle', effectiveDate: judging.date() })
          .expect(201);
      }
      const choice = live.length < 6 ? 0 : r.next();
      if (choice < 0.3) {
        const code = r.pick(MUNICIPALITIES);
        const name = `App ${op}`;
        const res = await editor.post(`/api/v1/municipalities/${code}/applications`).send({
          name,
          vendor: r.pick(VENDORS),
          product: r.pick(PRODUCTS),
          referenceComponentIds: someComponents(r),
          status: r.pick(STATUSES),
          lifecycle: r.pick(LIFECYCLES),
          layer: r.next() < 0.15 ? null : r.pick(LAYERS),
          annualCost: r.next() < 0.3 ? null : r.int(0, 500_000) / 4,
          plannedReplacementYear: r.next() < 0.5 ? null : r.int(2026, 2035),
          effectiveDate: r.date(),
        });
        expect(res.status).toBe(201);
        live.push({ id: res.body.id, etag: res.headers.etag!, code, name });
        continue;
      }
      if (choice < 0.38) {
        await importInto(r, r.pick(MUNICIPALITIES), live, op);
        continue;
      }
      const target = r.pick(live);
      if (choice < 0.43) {
        await editor.delete(`/api/v1/applications/${target.id}`).set('If-Match', target.etag).expect(204);
        live.splice(live.indexOf(target), 1);
        continue;
      }
      const kind = r.int(0, 4);
      const body =
        kind === 0
          ? { status: r.pick(STATUSES), effectiveDate: r.date() }
          : kind === 1
            ? { lifecycle: r.pick(LIFECYCLES), effectiveDate: r.date() }
            : kind === 2
              ? { status: r.pick(STATUSES), lifecycle: r.pick(LIFECYCLES), effectiveDate: r.date() }
              : kind === 3
                ? { layer: r.pick([...LAYERS, null]), annualCost: r.next() < 0.3 ? null : r.int(0, 400_000) / 4 }
                : { referenceComponentIds: someComponents(r), vendor: r.pick(VENDORS), product: r.pick(PRODUCTS), plannedReplacementYear: r.pick([null, 2030]) };
      const res = await editor.patch(`/api/v1/applications/${target.id}`).set('If-Match', target.etag).send(body);
      expect(res.status).toBe(200);
      target.etag = res.headers.etag!;
    }

    const today = todayIso();
    const current = await loadLandscape(db());
    await compareWithOracle(current, today);
    await compareUsageWithOracle(current, today);
    await compareWithOracle(await loadLandscape(db(), knownAt), new Date(knownAt!).toISOString().slice(0, 10), knownAt);
    // As known earlier, the top lists, recommendations and completeness are still today's (documented).
    await compareUsageWithOracle(current, today, knownAt);

    // A programme start in a month with changes puts the starting share's month boundary to the test.
    const events: { effective_date: string }[] = await db()('application_events').select('effective_date').orderBy('id');
    const programmeStart = `${r.pick(events).effective_date.slice(0, 7)}-01`;
    await admin.put('/api/v1/settings').send({ programmeStart, annualRate: 0.07, staleAfterMonths: r.int(1, 24) }).expect(200);
    // Changes on either side of that boundary, kept by the writes themselves.
    for (const [i, effectiveDate] of [programmeStart, addDays(programmeStart, -1), programmeStart, addDays(programmeStart, 3)].entries()) {
      const target = live[i % live.length]!;
      const res = await editor.patch(`/api/v1/applications/${target.id}`).set('If-Match', target.etag)
        .send({ status: i % 2 === 0 ? 'compliant' : 'legacy', lifecycle: 'in_production', effectiveDate }).expect(200);
      target.etag = res.headers.etag!;
    }
    await compareWithOracle(await loadLandscape(db()), today);
    await compareUsageWithOracle(await loadLandscape(db()), today);

    // The set-based rebuild after a bulk load gives the very same figures as the writes kept.
    await figuresRebuilt(db());
    await compareWithOracle(await loadLandscape(db()), today);
    await compareUsageWithOracle(await loadLandscape(db()), today);
    await compareWithOracle(await loadLandscape(db(), knownAt), new Date(knownAt!).toISOString().slice(0, 10), knownAt);
  }, 600_000);
});
