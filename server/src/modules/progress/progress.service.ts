import type { Knex } from 'knex';
import { LAYERS, type Layer } from '@tm/shared/schemas/application';
import type { Municipality } from '@tm/shared/schemas/municipality';
import type {
  Completeness,
  LayerFigures,
  Measure,
  MunicipalityGroup,
  MunicipalityProgress,
  MunicipalityShare,
  NationalProgress,
  ProgressStatus,
  ProgressSummary,
  SeriesPoint,
} from '@tm/shared/schemas/progress';
import type { Settings } from '@tm/shared/schemas/settings';
import { todayIso } from '@tm/shared/dates';
import { addDays, monthlyPoints, monthOf } from '@tm/shared/measure/calendar';
import { type CompletenessCounts, completenessOf } from '@tm/shared/measure/completeness';
import { histogram, quartiles } from '@tm/shared/measure/distribution';
import { pace, projectedCompletionYear, requiredPace } from '@tm/shared/measure/forecast';
import { plan } from '@tm/shared/measure/plan';
import { CONTRIBUTION_FIELDS, type Contribution, NO_CONTRIBUTION, shareFigures, shareOf } from '@tm/shared/measure/share';
import { deadline, gapInApplications, statusOf, targetAt } from '@tm/shared/measure/target';
import * as attestations from '../attestations/attestations.repository.ts';
import { freshnessFields } from '../attestations/attestations.service.ts';
import { getMunicipality } from '../municipalities/municipalities.service.ts';
import * as municipalities from '../municipalities/municipalities.repository.ts';
import { getSettings } from '../settings/settings.service.ts';
import { membersAt } from '@tm/db/membership';
import * as rollups from '@tm/db/progress-rollups';
import type { MonthlyDelta, MunicipalityLayerFigures } from '@tm/db/progress-rollups';
import * as usage from '@tm/db/usage-rollups';
import * as verifiedRollups from '@tm/db/verified-rollups';
import { NO_VERIFIED, type VerifiedCounts, verifiedFigures } from '@tm/shared/measure/verified';
import { currentNation } from './kept-municipality-rows.ts';
import { lifecycleCounts } from './lifecycle-counts.repository.ts';
import { type Nation, readMunicipalityRows, readStandingRows, type StandingRows } from './municipality-rows.ts';
import * as progress from './progress.repository.ts';
import { topCompliantProducts } from './top-compliant-products.ts';

export type ReadOptions = { measure: Measure; knownAt?: string | undefined };

const TOP_LIMIT = 10;
const NO_COMPLETENESS: CompletenessCounts = {
  applicationCount: 0,
  withReferenceComponent: 0,
  withLayer: 0,
  legacyCount: 0,
  legacyWithPlannedYear: 0,
  withAnnualCost: 0,
  completeCount: 0,
};
const COMPLETENESS_FIELDS = Object.keys(NO_COMPLETENESS) as (keyof CompletenessCounts)[];

/** The date the figures are for: today, or the day of `knownAt` (UTC) so that a report made then is reproduced. */
export function referenceDate(knownAt: string | undefined): string {
  return knownAt ? new Date(knownAt).toISOString().slice(0, 10) : todayIso();
}

/** Adds `c` to `total` in place: a national read adds up thousands of rows, one new object per addition is garbage. */
function addInto(total: Contribution, c: Contribution): void {
  for (const f of CONTRIBUTION_FIELDS) total[f] += c[f];
}

function sum(contributions: Iterable<Contribution>): Contribution {
  const total = { ...NO_CONTRIBUTION };
  for (const c of contributions) addInto(total, c);
  return total;
}

/** Cumulative sums of monthly deltas at every point of the series: the landscape at each month's end. */
function cumulate(deltas: readonly MonthlyDelta[], points: readonly { month: string }[]): Contribution[] {
  const sorted = [...deltas].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const running = { ...NO_CONTRIBUTION };
  let i = 0;
  return points.map((p) => {
    while (i < sorted.length && sorted[i]!.month <= p.month) addInto(running, sorted[i++]!.contribution);
    return { ...running };
  });
}

function byLayer(perLayer: ReadonlyMap<Layer | null, Contribution>, measure: Measure): LayerFigures[] {
  const layers: (Layer | null)[] = [...LAYERS, ...(perLayer.has(null) && perLayer.get(null)!.landscape > 0 ? [null] : [])];
  return layers.map((layer) => {
    const c = perLayer.get(layer) ?? NO_CONTRIBUTION;
    return {
      layer,
      landscapeCount: c.landscape,
      compliantCount: c.compliant,
      inTransitionCount: c.inTransition,
      legacyCount: c.landscape - c.compliant,
      share: shareOf(c, measure),
    };
  });
}

function groupByLayer<T>(items: readonly T[], layerOf: (t: T) => Layer | null, contributionOf: (t: T) => Contribution) {
  const out = new Map<Layer | null, Contribution>();
  for (const item of items) {
    const layer = layerOf(item);
    const total = out.get(layer) ?? { ...NO_CONTRIBUTION };
    addInto(total, contributionOf(item));
    out.set(layer, total);
  }
  return out;
}

type Timeline = { series: SeriesPoint[]; current: Contribution; startShare: number | null; pace: number | null };

/**
 * A new municipality's lineage (PRODUCT §12): the deltas of it and every municipality that merged into it together,
 * in which those leaving and arriving cancel, so that its pace is that of the landscapes it is made of; the deltas of
 * those it was formed from, for its starting share; and the day it began, from which its own series is shown.
 */
type Lineage = { deltas: readonly MonthlyDelta[]; founders: readonly MonthlyDelta[]; from: string };

function startShareOf(deltas: readonly MonthlyDelta[], settings: Settings, measure: Measure): number | null {
  const startMonth = monthOf(settings.programmeStart);
  return shareOf(sum(deltas.filter((d) => d.month < startMonth).map((d) => d.contribution)), measure);
}

function seriesOf(deltas: readonly MonthlyDelta[], settings: Settings, measure: Measure, today: string, startShare: number | null) {
  const points = monthlyPoints(today);
  const cumulative = cumulate(deltas, points);
  const series = points.map((p, i) => {
    const f = shareFigures(cumulative[i]!, measure);
    return {
      date: p.date,
      share: f.share,
      target: targetAt(settings, startShare, p.date),
      landscapeCount: f.landscapeCount,
      compliantCount: f.compliantCount,
    };
  });
  return { series, current: cumulative.at(-1)! };
}

function timeline(deltas: readonly MonthlyDelta[], settings: Settings, measure: Measure, today: string, lineage?: Lineage): Timeline {
  const startShare = startShareOf(lineage?.founders ?? deltas, settings, measure);
  const own = seriesOf(deltas, settings, measure, today, startShare);
  if (!lineage) return { ...own, startShare, pace: pace(own.series) };
  return {
    series: own.series.filter((p) => p.date >= lineage.from),
    current: own.current,
    startShare,
    pace: pace(seriesOf(lineage.deltas, settings, measure, today, startShare).series),
  };
}

function summarize(t: Timeline, settings: Settings, measure: Measure, today: string, completeness: Completeness, verified: VerifiedCounts): ProgressSummary {
  const figures = shareFigures(t.current, measure);
  const target = targetAt(settings, t.startShare, today);
  const due = deadline(settings, t.startShare);
  const trend = t.pace;
  return {
    date: today,
    measure,
    ...figures,
    target,
    gap: measure === 'count' ? gapInApplications(target, t.current.landscape, t.current.compliant) : null,
    status: statusOf(figures.share, target),
    pace: trend,
    requiredPace: requiredPace(figures.share, today, due),
    projectedCompletionYear: projectedCompletionYear(figures.share, trend, today),
    deadline: due,
    startShare: t.startShare,
    completeness,
    ...verifiedFigures(t.current, verified, measure),
    ...(figures.share === null
      ? {
          note:
            t.current.landscape === 0
              ? 'No applications in production or phasing out: there is no landscape to take a share of.'
              : 'No application in the landscape has an annual cost: there is no cost to take a share of.',
        }
      : {}),
  };
}

/**
 * The day a municipality's figures are for: today or `knownAt`'s day, but for one that merged away its last day
 * (PRODUCT §12: "the old pages … still show their past").
 */
function figuresDate(municipality: Municipality, knownAt: string | undefined): string {
  const date = referenceDate(knownAt);
  return municipality.validTo !== null && municipality.validTo <= date ? addDays(municipality.validTo, -1) : date;
}

/** A new municipality's lineage, when it was formed by a merger; none for one that existed before the register. */
async function lineageOf(db: Knex, municipality: Municipality, knownAt: string | undefined): Promise<Lineage | undefined> {
  if (municipality.validFrom === null || municipality.predecessors.length === 0) return undefined;
  const founders = (await municipalities.foundersOf(db, [municipality])).get(municipality.code) ?? [];
  const deltasOf = (codes: readonly string[]) => rollups.monthlyDeltas(db, { municipalityCodes: [municipality.code, ...codes], knownAt });
  const deltas = await deltasOf(municipality.predecessors);
  return { deltas, founders: founders.length === municipality.predecessors.length ? deltas : await deltasOf(founders), from: municipality.validFrom };
}

/** Completeness of a municipality today; of one that merged away, of the applications it had on its last day. */
async function completenessAt(db: Knex, municipality: Municipality, measure: Measure, today: string): Promise<CompletenessCounts> {
  if (municipality.validTo === null) return (await rollups.completenessCounts(db, measure, [municipality.code])).get(municipality.code) ?? NO_COMPLETENESS;
  return rollups.completenessOfMembers(db, measure, membersAt(municipality.code, today, null));
}

export async function municipalityProgress(db: Knex, code: string, options: ReadOptions): Promise<MunicipalityProgress> {
  // The reads that need the municipality's register entry follow it; the others run beside it, not after it.
  const [{ today, lineage, completeness, lifecycles }, [settings, deltas, planned, attested, verified]] = await Promise.all([
    getMunicipality(db, code).then(async (municipality) => {
      const today = figuresDate(municipality, options.knownAt);
      const [lineage, completeness, lifecycles] = await Promise.all([
        lineageOf(db, municipality, options.knownAt),
        completenessAt(db, municipality, options.measure, today),
        lifecycleCounts(db, code, { date: today, knownAt: options.knownAt }),
      ]);
      return { today, lineage, completeness, lifecycles };
    }),
    Promise.all([
      getSettings(db),
      rollups.monthlyDeltas(db, { municipalityCodes: [code], knownAt: options.knownAt }),
      progress.plannedReplacements(db, code),
      attestations.lastAttestedAt(db, { codes: [code], knownAt: options.knownAt }),
      verifiedRollups.verifiedCounts(db, { codes: [code], knownAt: options.knownAt }),
    ]),
  ]);
  const t = timeline(deltas, settings, options.measure, today, lineage);
  // The plan counts applications, so it grows from the count share whatever the measure.
  const countStart = options.measure === 'count' ? t.startShare : timeline(deltas, settings, 'count', today, lineage).startShare;
  return {
    municipalityCode: code,
    summary: {
      ...summarize(t, settings, options.measure, today, completenessOf(completeness), verified.get(code) ?? NO_VERIFIED),
      lifecycleCounts: lifecycles,
      ...freshnessFields(attested.get(code), settings.staleAfterMonths, today),
    },
    series: t.series,
    byLayer: byLayer(groupByLayer(deltas.filter((d) => d.month <= today), (d) => d.layer, (d) => d.contribution), options.measure),
    plan: plan({
      today,
      settings,
      startShare: countStart,
      landscapeCount: t.current.landscape,
      compliantCount: t.current.compliant,
      plannedByYear: planned,
    }),
  };
}

export type MunicipalityStanding = { share: MunicipalityShare; current: Contribution; byLayer: Map<Layer | null, Contribution> };

type Founders = ReadonlyMap<string, readonly string[]>;

/** The founders' codes of `members` formed by mergers, besides their own: whose figures their standings pool. */
function withFounders(members: readonly Municipality[], founders: Founders): string[] {
  return [...new Set(members.flatMap((m) => [m.code, ...(founders.get(m.code) ?? [])]))];
}

/** The rows of a municipality without any, one and the same every time, so that a standing made of none is kept too. */
const NO_ROWS: readonly MunicipalityLayerFigures[] = [];

/**
 * Standings made before, per municipality, with what each was made of. The register and rows a server keeps are the
 * very same objects from read to read for every municipality that did not change, so their standings are too, and a
 * national read after one write makes one standing anew instead of 342. Rows read for one answer only never match.
 */
const madeBefore = new WeakMap<Municipality, { from: readonly unknown[]; standing: MunicipalityStanding }>();

/** A municipality's share today, its status against its own target, and its completeness. */
function standingOf(settings: Settings, m: Municipality, rows: StandingRows, founders: Founders, options: ReadOptions, today: string): MunicipalityStanding {
  const figures = rows.figures.get(m.code) ?? NO_ROWS;
  // A new municipality's target grows from the starting share of the landscapes it was formed from.
  const lineage = [figures, ...(founders.get(m.code) ?? []).map((c) => rows.figures.get(c) ?? NO_ROWS)];
  const completeness = rows.completeness.get(m.code);
  const attested = rows.attested.get(m.code);
  const from = [settings.programmeStart, settings.annualRate, settings.staleAfterMonths, today, options.measure, completeness, attested, ...lineage];
  const before = madeBefore.get(m);
  if (before && before.from.length === from.length && before.from.every((input, i) => input === from[i])) return before.standing;

  const current = sum(figures.map((r) => r.current));
  const figuresNow = shareFigures(current, options.measure);
  const target = targetAt(settings, shareOf(sum(lineage.flat().map((r) => r.start)), options.measure), today);
  const standing = {
    share: {
      code: m.code,
      name: m.name,
      province: m.province,
      sizeClass: m.sizeClass,
      ...figuresNow,
      status: statusOf(figuresNow.share, target),
      target,
      completeness: completenessOf(completeness ? rollups.toCompleteness(completeness, options.measure) : NO_COMPLETENESS).score,
      predecessors: m.predecessors,
      ...freshnessFields(attested, settings.staleAfterMonths, today),
    },
    current,
    byLayer: groupByLayer(figures, (r) => r.layer, (r) => r.current),
  };
  madeBefore.set(m, { from, standing });
  return standing;
}

function standingsOf(settings: Settings, members: readonly Municipality[], rows: StandingRows, founders: Founders, options: ReadOptions): MunicipalityStanding[] {
  const today = referenceDate(options.knownAt);
  return members.map((m) => standingOf(settings, m, rows, founders, options, today));
}

/**
 * The standings of `members`: from the `nation` a server keeps when it has it and the figures are today's, else
 * read for them.
 */
export async function standings(
  db: Knex,
  settings: Settings,
  members: readonly Municipality[],
  options: ReadOptions & { all?: boolean; nation?: Nation | undefined },
): Promise<MunicipalityStanding[]> {
  if (options.nation && options.knownAt === undefined) return standingsOf(settings, members, options.nation, options.nation.founders, options);
  const founders = await municipalities.foundersOf(db, members);
  const codes = options.all ? undefined : members.map((m) => m.code);
  const rows = await readStandingRows(db, {
    codes,
    figureCodes: codes && withFounders(members, founders),
    knownAt: options.knownAt,
    startMonth: monthOf(settings.programmeStart),
  });
  return standingsOf(settings, members, rows, founders, options);
}

function statusCounts(statuses: readonly (ProgressStatus | null)[]) {
  return {
    ahead: statuses.filter((s) => s === 'ahead').length,
    onTrack: statuses.filter((s) => s === 'on_track').length,
    behind: statuses.filter((s) => s === 'behind').length,
  };
}

const DUTCH_NUMERIC = new Intl.Collator('nl', { numeric: true });

function groups(items: readonly MunicipalityStanding[], keyOf: (m: MunicipalityShare) => string, measure: Measure) {
  const keys = [...new Set(items.map((m) => keyOf(m.share)))].sort(DUTCH_NUMERIC.compare);
  return keys.map((key) => {
    const members = items.filter((m) => keyOf(m.share) === key);
    return {
      key,
      municipalityCount: members.length,
      ...shareFigures(sum(members.map((m) => m.current)), measure),
      median: quartiles(members.map((m) => m.share.share)).median,
      counts: statusCounts(members.map((m) => m.share.status)),
    };
  });
}

/**
 * Which municipalities the figures are of, as the register had them on the day, and whose history they pool: a
 * group's members with every municipality that merged into them. Undefined for the whole nation, which the national
 * rollups answer at once.
 */
async function groupScope(db: Knex, group: MunicipalityGroup, today: string) {
  if (group.province === undefined && group.sizeClass === undefined) return undefined;
  const members = await municipalities.list(db, { date: today, ...group });
  const codes = members.map((m) => m.code);
  return { members, codes, lineage: [...new Set(members.flatMap((m) => [m.code, ...m.predecessors]))] };
}

/** The rows of a group's municipalities, or of all as known at a moment, read as asked, not kept. */
async function nationAsAsked(db: Knex, scope: Awaited<ReturnType<typeof groupScope>>, knownAt: string | undefined, today: string): Promise<Nation> {
  const [members, settings] = await Promise.all([scope?.members ?? municipalities.list(db, { date: today }), getSettings(db)]);
  const founders = await municipalities.foundersOf(db, members);
  const codes = scope?.codes;
  const rows = await readMunicipalityRows(db, {
    codes,
    figureCodes: codes && withFounders(members, founders),
    knownAt,
    startMonth: monthOf(settings.programmeStart),
  });
  return { date: today, members, founders, settings, ...rows };
}

/**
 * The nation as asked, with its top compliant products: today's whole nation from the rows this server keeps; a group
 * or a moment read as asked. The products are counted from the uses kept with the rows for any group of today; a read
 * as known at a moment runs in a transaction of its own, which the kept rows are not read through, so it reads its
 * group's uses.
 */
async function nationWithTopProducts(db: Knex, scope: Awaited<ReturnType<typeof groupScope>>, knownAt: string | undefined, today: string) {
  const kept = knownAt === undefined ? currentNation(db) : undefined;
  const [nation, topCompliant] = await Promise.all([
    scope === undefined && kept ? kept : nationAsAsked(db, scope, knownAt, today),
    Promise.resolve(kept).then((current) => topCompliantProducts(db, TOP_LIMIT, { codes: scope?.codes, kept: current?.compliantProducts })),
  ]);
  return { nation, topCompliantProducts: topCompliant };
}

/** The national figures, or with a group (a province, a size class) the same figures of that group alone. */
export async function nationalProgress(db: Knex, options: ReadOptions, group: MunicipalityGroup = {}): Promise<NationalProgress> {
  const today = referenceDate(options.knownAt);
  const scope = await groupScope(db, group, today);
  const [deltas, topLegacy, { nation, topCompliantProducts }] = await Promise.all([
    rollups.monthlyDeltas(db, { knownAt: options.knownAt, ...(scope ? { municipalityCodes: scope.lineage } : {}) }),
    usage.topLegacyReferenceComponents(db, TOP_LIMIT, scope?.codes),
    // Grouped by province and size class as the register had them on the day (PRODUCT §12).
    nationWithTopProducts(db, scope, options.knownAt, today),
  ]);
  const { settings } = nation;
  const standing = standingsOf(settings, nation.members, nation, nation.founders, options);
  const members = standing.map((m) => m.share);
  const t = timeline(deltas, settings, options.measure, today);
  const pooledCompleteness = { ...NO_COMPLETENESS };
  for (const row of nation.completeness.values()) {
    const c = rollups.toCompleteness(row, options.measure);
    for (const k of COMPLETENESS_FIELDS) pooledCompleteness[k] += c[k];
  }
  const { gap: _gap, ...summary } = summarize(t, settings, options.measure, today, completenessOf(pooledCompleteness), verifiedRollups.totalOf(nation.verified.values()));
  const shares = members.map((m) => m.share);
  return {
    summary: {
      ...summary,
      municipalityCount: members.filter((m) => m.landscapeCount > 0).length,
      freshCount: members.filter((m) => !m.stale).length,
    },
    series: t.series,
    distribution: {
      ...quartiles(shares),
      counts: { ...statusCounts(members.map((m) => m.status)), noData: members.filter((m) => m.status === null).length },
      bins: histogram(shares),
      municipalities: members,
    },
    byProvince: groups(standing, (m) => m.province, options.measure),
    bySizeClass: groups(standing, (m) => String(m.sizeClass), options.measure),
    byLayer: byLayer(groupByLayer(deltas, (d) => d.layer, (d) => d.contribution), options.measure),
    topLegacyReferenceComponents: topLegacy,
    topCompliantProducts,
  };
}
