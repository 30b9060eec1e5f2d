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
import { addContributions, type Contribution, NO_CONTRIBUTION, shareFigures, shareOf } from '@tm/shared/measure/share';
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
import { lifecycleCounts } from './lifecycle-counts.repository.ts';
import * as progress from './progress.repository.ts';

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

/** The date the figures are for: today, or the day of `knownAt` (UTC) so that a report made then is reproduced. */
export function referenceDate(knownAt: string | undefined): string {
  return knownAt ? new Date(knownAt).toISOString().slice(0, 10) : todayIso();
}

function sum(contributions: Iterable<Contribution>): Contribution {
  let total = NO_CONTRIBUTION;
  for (const c of contributions) total = addContributions(total, c);
  return total;
}

/** Cumulative sums of monthly deltas at every point of the series: the landscape at each month's end. */
function cumulate(deltas: readonly MonthlyDelta[], points: readonly { month: string }[]): Contribution[] {
  const sorted = [...deltas].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  let running = NO_CONTRIBUTION;
  let i = 0;
  return points.map((p) => {
    while (i < sorted.length && sorted[i]!.month <= p.month) running = addContributions(running, sorted[i++]!.contribution);
    return running;
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
  for (const item of items) out.set(layerOf(item), addContributions(out.get(layerOf(item)) ?? NO_CONTRIBUTION, contributionOf(item)));
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
  const municipality = await getMunicipality(db, code);
  const today = figuresDate(municipality, options.knownAt);
  const [settings, deltas, lineage, completeness, planned, lifecycles, attested, verified] = await Promise.all([
    getSettings(db),
    rollups.monthlyDeltas(db, { municipalityCodes: [code], knownAt: options.knownAt }),
    lineageOf(db, municipality, options.knownAt),
    completenessAt(db, municipality, options.measure, today),
    progress.plannedReplacements(db, code),
    lifecycleCounts(db, code, { date: today, knownAt: options.knownAt }),
    attestations.lastAttestedAt(db, { codes: [code], knownAt: options.knownAt }),
    verifiedRollups.verifiedCounts(db, { codes: [code], knownAt: options.knownAt }),
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

/** Each municipality's share today, its status against its own target, and its completeness. */
export async function standings(
  db: Knex,
  settings: Settings,
  members: readonly Municipality[],
  options: ReadOptions & { all?: boolean; completeness?: Map<string, CompletenessCounts> },
): Promise<MunicipalityStanding[]> {
  const today = referenceDate(options.knownAt);
  const codes = options.all ? undefined : members.map((m) => m.code);
  // A new municipality's target grows from the starting share of the landscapes it was formed from.
  const founders = await municipalities.foundersOf(db, members);
  const pooled = (m: Municipality) => founders.get(m.code) ?? [];
  const figureCodes = codes && [...new Set([...codes, ...members.flatMap(pooled)])];
  const [figures, completeness, attested] = await Promise.all([
    rollups.municipalityFigures(db, { ...(figureCodes ? { codes: figureCodes } : {}), knownAt: options.knownAt, startMonth: monthOf(settings.programmeStart) }),
    // The national read has every municipality's counts already, for its pooled completeness.
    options.completeness ?? rollups.completenessCounts(db, options.measure, codes),
    attestations.lastAttestedAt(db, { codes, knownAt: options.knownAt }),
  ]);
  const byCode = new Map<string, MunicipalityLayerFigures[]>();
  for (const f of figures) byCode.set(f.code, [...(byCode.get(f.code) ?? []), f]);
  return members.map((m) => {
    const rows = byCode.get(m.code) ?? [];
    const current = sum(rows.map((r) => r.current));
    const figuresNow = shareFigures(current, options.measure);
    const lineage = [m.code, ...pooled(m)].flatMap((c) => byCode.get(c) ?? []);
    const target = targetAt(settings, shareOf(sum(lineage.map((r) => r.start)), options.measure), today);
    return {
      share: {
        code: m.code,
        name: m.name,
        province: m.province,
        sizeClass: m.sizeClass,
        ...figuresNow,
        status: statusOf(figuresNow.share, target),
        target,
        completeness: completenessOf(completeness.get(m.code) ?? NO_COMPLETENESS).score,
        predecessors: m.predecessors,
        ...freshnessFields(attested.get(m.code), settings.staleAfterMonths, today),
      },
      current,
      byLayer: groupByLayer(rows, (r) => r.layer, (r) => r.current),
    };
  });
}

function statusCounts(statuses: readonly (ProgressStatus | null)[]) {
  return {
    ahead: statuses.filter((s) => s === 'ahead').length,
    onTrack: statuses.filter((s) => s === 'on_track').length,
    behind: statuses.filter((s) => s === 'behind').length,
  };
}

function groups(items: readonly MunicipalityStanding[], keyOf: (m: MunicipalityShare) => string, measure: Measure) {
  const keys = [...new Set(items.map((m) => keyOf(m.share)))].sort((a, b) => a.localeCompare(b, 'nl', { numeric: true }));
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

/** The national figures, or with a group (a province, a size class) the same figures of that group alone. */
export async function nationalProgress(db: Knex, options: ReadOptions, group: MunicipalityGroup = {}): Promise<NationalProgress> {
  const today = referenceDate(options.knownAt);
  const scope = await groupScope(db, group, today);
  const [settings, deltas, all, completeness, topLegacy, topCompliant, verified] = await Promise.all([
    getSettings(db),
    rollups.monthlyDeltas(db, { knownAt: options.knownAt, ...(scope ? { municipalityCodes: scope.lineage } : {}) }),
    // Grouped by province and size class as the register had them on the day (PRODUCT §12).
    scope?.members ?? municipalities.list(db, { date: today }),
    rollups.completenessCounts(db, options.measure, scope?.codes),
    usage.topLegacyReferenceComponents(db, TOP_LIMIT, scope?.codes),
    usage.topCompliantProducts(db, TOP_LIMIT, scope?.codes),
    verifiedRollups.verifiedCounts(db, { knownAt: options.knownAt, ...(scope ? { codes: scope.codes } : {}) }),
  ]);
  const standing = await standings(db, settings, all, { ...options, all: scope === undefined, completeness });
  const members = standing.map((m) => m.share);
  const t = timeline(deltas, settings, options.measure, today);
  const pooledCompleteness = [...completeness.values()].reduce(
    (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof CompletenessCounts] + b[k as keyof CompletenessCounts]])) as CompletenessCounts,
    NO_COMPLETENESS,
  );
  const { gap: _gap, ...summary } = summarize(t, settings, options.measure, today, completenessOf(pooledCompleteness), verifiedRollups.totalOf(verified.values()));
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
    topCompliantProducts: topCompliant,
  };
}
