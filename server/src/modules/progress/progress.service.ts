import type { Knex } from 'knex';
import { LAYERS, type Layer } from '@tm/shared/schemas/application';
import type { Municipality } from '@tm/shared/schemas/municipality';
import type {
  Completeness,
  LayerFigures,
  Measure,
  MunicipalityProgress,
  MunicipalityShare,
  NationalProgress,
  ProgressStatus,
  ProgressSummary,
  SeriesPoint,
} from '@tm/shared/schemas/progress';
import type { Settings } from '@tm/shared/schemas/settings';
import { todayIso } from '@tm/shared/dates';
import { monthlyPoints, monthOf } from '@tm/shared/measure/calendar';
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
import * as rollups from '@tm/db/progress-rollups';
import type { MonthlyDelta, MunicipalityLayerFigures } from '@tm/db/progress-rollups';
import * as usage from '@tm/db/usage-rollups';
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

type Timeline = { series: SeriesPoint[]; current: Contribution; startShare: number | null };

function timeline(deltas: readonly MonthlyDelta[], settings: Settings, measure: Measure, today: string): Timeline {
  const points = monthlyPoints(today);
  const startMonth = monthOf(settings.programmeStart);
  const start = sum(deltas.filter((d) => d.month < startMonth).map((d) => d.contribution));
  const startShare = shareOf(start, measure);
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
  return { series, current: cumulative.at(-1)!, startShare };
}

function summarize(t: Timeline, settings: Settings, measure: Measure, today: string, completeness: Completeness): ProgressSummary {
  const figures = shareFigures(t.current, measure);
  const target = targetAt(settings, t.startShare, today);
  const due = deadline(settings, t.startShare);
  const trend = pace(t.series);
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

export async function municipalityProgress(db: Knex, code: string, options: ReadOptions): Promise<MunicipalityProgress> {
  await getMunicipality(db, code);
  const today = referenceDate(options.knownAt);
  const [settings, deltas, completeness, planned, lifecycles, attested] = await Promise.all([
    getSettings(db),
    rollups.monthlyDeltas(db, { municipalityCode: code, knownAt: options.knownAt }),
    rollups.completenessCounts(db, options.measure, [code]),
    progress.plannedReplacements(db, code),
    lifecycleCounts(db, code, { date: today, knownAt: options.knownAt }),
    attestations.lastAttestedAt(db, { codes: [code], knownAt: options.knownAt }),
  ]);
  const t = timeline(deltas, settings, options.measure, today);
  // The plan counts applications, so it grows from the count share whatever the measure.
  const countStart = options.measure === 'count' ? t.startShare : timeline(deltas, settings, 'count', today).startShare;
  return {
    municipalityCode: code,
    summary: {
      ...summarize(t, settings, options.measure, today, completenessOf(completeness.get(code) ?? NO_COMPLETENESS)),
      lifecycleCounts: lifecycles,
      ...freshnessFields(attested.get(code), settings.staleAfterMonths, today),
    },
    series: t.series,
    byLayer: byLayer(groupByLayer(deltas, (d) => d.layer, (d) => d.contribution), options.measure),
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
  const [figures, completeness, attested] = await Promise.all([
    rollups.municipalityFigures(db, { ...(codes ? { codes } : {}), knownAt: options.knownAt, startMonth: monthOf(settings.programmeStart) }),
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
    const target = targetAt(settings, shareOf(sum(rows.map((r) => r.start)), options.measure), today);
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

export async function nationalProgress(db: Knex, options: ReadOptions): Promise<NationalProgress> {
  const today = referenceDate(options.knownAt);
  const [settings, deltas, all, completeness, topLegacy, topCompliant] = await Promise.all([
    getSettings(db),
    rollups.monthlyDeltas(db, { knownAt: options.knownAt }),
    municipalities.list(db, {}),
    rollups.completenessCounts(db, options.measure),
    usage.topLegacyReferenceComponents(db, TOP_LIMIT),
    usage.topCompliantProducts(db, TOP_LIMIT),
  ]);
  const standing = await standings(db, settings, all, { ...options, all: true, completeness });
  const members = standing.map((m) => m.share);
  const t = timeline(deltas, settings, options.measure, today);
  const pooledCompleteness = [...completeness.values()].reduce(
    (a, b) => Object.fromEntries(Object.keys(a).map((k) => [k, a[k as keyof CompletenessCounts] + b[k as keyof CompletenessCounts]])) as CompletenessCounts,
    NO_COMPLETENESS,
  );
  const { gap: _gap, ...summary } = summarize(t, settings, options.measure, today, completenessOf(pooledCompleteness));
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
