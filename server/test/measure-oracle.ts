/**
 * The measure computed by brute force from the raw rows, for tests to hold the API's rollups against: every
 * application's state at every date straight from its events, through the shared pure functions.
 */
import type { Knex } from 'knex';
import { LAYERS, type Layer, type Lifecycle, type Status } from '@tm/shared/schemas/application';
import type { Measure } from '@tm/shared/schemas/progress';
import type { Settings } from '@tm/shared/schemas/settings';
import { addDays, monthlyPoints, monthOf } from '@tm/shared/measure/calendar';
import { contributionAt, type MeasuredApplication, shareFigures, shareOf } from '@tm/shared/measure/share';
import { statusOf, targetAt } from '@tm/shared/measure/target';

export type OracleApplication = MeasuredApplication & { id: string; municipalityCode: string };

/** The raw rows, as the database holds them now or as it knew them at `knownAt`. */
export async function loadLandscape(db: Knex, knownAt?: string): Promise<OracleApplication[]> {
  const apps: { id: string; municipality_code: string; layer: Layer | null; annual_cost: number | null }[] = await db('applications')
    .select('id', 'municipality_code', 'layer', 'annual_cost')
    .where((w) => {
      w.whereNull('deleted_at');
      if (knownAt) w.orWhere('deleted_at', '>', knownAt);
    });
  const events: { application_id: string; id: number; effective_date: string; status: Status | null; lifecycle: Lifecycle | null }[] =
    await db('application_events')
      .select('application_id', 'id', 'effective_date', 'status', 'lifecycle')
      .modify((q) => {
        if (knownAt) q.where('recorded_at', '<=', knownAt);
      });
  return apps.map((a) => ({
    id: a.id,
    municipalityCode: a.municipality_code,
    layer: a.layer,
    annualCost: a.annual_cost === null ? null : Number(a.annual_cost),
    events: events
      .filter((e) => e.application_id === a.id)
      .map((e) => ({ effectiveDate: e.effective_date, seq: Number(e.id), status: e.status, lifecycle: e.lifecycle })),
  }));
}

export function oracleSeries(apps: readonly OracleApplication[], settings: Settings, measure: Measure, today: string) {
  const startShare = shareOf(contributionAt(apps, addDays(monthOf(settings.programmeStart), -1)), measure);
  return {
    startShare,
    series: monthlyPoints(today).map((p) => {
      const f = shareFigures(contributionAt(apps, p.date), measure);
      return { date: p.date, share: f.share, target: targetAt(settings, startShare, p.date), landscapeCount: f.landscapeCount, compliantCount: f.compliantCount };
    }),
  };
}

export function oracleStanding(apps: readonly OracleApplication[], settings: Settings, measure: Measure, today: string) {
  const start = shareOf(contributionAt(apps, addDays(monthOf(settings.programmeStart), -1)), measure);
  const now = shareFigures(contributionAt(apps, today), measure);
  const target = targetAt(settings, start, today);
  return { ...now, target, status: statusOf(now.share, target) };
}

export function oracleByLayer(apps: readonly OracleApplication[], measure: Measure, today: string) {
  return [...LAYERS, null].map((layer) => {
    const c = contributionAt(apps.filter((a) => a.layer === layer), today);
    return { layer, landscapeCount: c.landscape, compliantCount: c.compliant, inTransitionCount: c.inTransition, share: shareOf(c, measure) };
  });
}
