import type { Knex } from 'knex';
import type { Application } from '@tm/shared/schemas/application';
import type { BulkChanges, BulkTarget, BulkUpdateInput, BulkUpdateResult } from '@tm/shared/schemas/application-bulk-update';
import type { FieldError } from '@tm/shared/schemas/problem';
import { todayIso } from '@tm/shared/dates';
import { milestones, stateAt, type TimelineEvent } from '@tm/shared/measure/timeline';
import { refreshRollupsOf } from '@tm/db/progress-rollups';
import type { Actor } from '../../http/actor.ts';
import { AppError } from '../../http/app-error.ts';
import * as audit from '../audit/audit.repository.ts';
import { getMunicipality } from '../municipalities/municipalities.service.ts';
import { changedFields, pick } from './application-changes.ts';
import * as applications from './applications.repository.ts';
import type { ApplicationFields, StoredApplication } from './applications.repository.ts';
import * as events from './application-events.repository.ts';
import type { NewEvent } from './application-events.repository.ts';

/** Every listed application that cannot be changed as asked, so the caller can fix all of them at once. */
function refusals(code: string, targets: readonly BulkTarget[], found: ReadonlyMap<string, StoredApplication>) {
  const missing: FieldError[] = [];
  const stale: FieldError[] = [];
  targets.forEach((target, i) => {
    const stored = found.get(target.id);
    if (!stored) missing.push({ path: `applications.${i}.id`, message: `No application with this id in ${code}` });
    else if (target.updatedAt !== undefined && Date.parse(target.updatedAt) !== Date.parse(stored.application.updatedAt))
      stale.push({ path: `applications.${i}.updatedAt`, message: `Changed since you read it (now ${stored.application.updatedAt})` });
  });
  return { missing, stale };
}

type Plan = { id: string; revision: number; fields: Partial<ApplicationFields>; event: NewEvent };

/**
 * What one application's row and history become, by the same rules as a single PATCH; null when it already has
 * every value asked for. Only a status or lifecycle that changes is dated with `effectiveDate`.
 */
function planChange(stored: StoredApplication, changes: BulkChanges, timeline: readonly TimelineEvent[], today: string): Plan | null {
  const { application, revision } = stored;
  const changed = changedFields(application, changes);
  if (changed.length === 0) return null;
  const timed = (['status', 'lifecycle'] as const).filter((f) => changed.includes(f));
  const effectiveDate = timed.length > 0 ? (changes.effectiveDate ?? today) : today;
  const status = timed.includes('status') ? changes.status! : null;
  const lifecycle = timed.includes('lifecycle') ? changes.lifecycle! : null;
  // The new event is recorded after every stored one, so it sorts last among changes of the same date.
  const next = [...timeline, { effectiveDate, seq: Number.MAX_SAFE_INTEGER, status, lifecycle }];
  const state = stateAt(next, today);
  const given = Object.fromEntries(changed.map((f) => [f, changes[f as keyof BulkChanges]])) as Partial<Application>;
  return {
    id: application.id,
    revision,
    fields: {
      ...given,
      status: state.status ?? application.status,
      lifecycle: state.lifecycle ?? application.lifecycle,
      ...milestones(next, today),
    },
    event: {
      applicationId: application.id,
      municipalityCode: application.municipalityCode,
      action: 'updated',
      effectiveDate,
      status,
      lifecycle,
      before: pick(application, changed),
      after: pick({ ...application, ...given }, changed),
    },
  };
}

/**
 * Sets the same values on many applications of one municipality (PRODUCT §4.3): all or nothing, one history entry
 * for each application that changes, one audit entry for the whole request, and the dashboards refreshed in the
 * same transaction.
 */
export async function bulkUpdateApplications(db: Knex, code: string, input: BulkUpdateInput, actor: Actor): Promise<BulkUpdateResult> {
  await getMunicipality(db, code);
  const ids = input.applications.map((t) => t.id);
  return db.transaction(async (trx) => {
    const found = await applications.findManyForUpdate(trx, code, ids);
    const { missing, stale } = refusals(code, input.applications, found);
    if (missing.length > 0)
      throw AppError.badRequest(`${missing.length} of the listed applications cannot be found in ${code}; nothing was changed`, [...missing, ...stale]);
    if (stale.length > 0)
      throw AppError.conflict(`${stale.length} of the listed applications were changed since you read them; reload and try again. Nothing was changed`, stale);

    const today = todayIso();
    const timelines = await events.timelinesOf(trx, ids);
    const plans = ids.flatMap((id) => planChange(found.get(id)!, input.changes, timelines.get(id) ?? [], today) ?? []);
    for (const plan of plans)
      if (!(await applications.updateIfRevision(trx, plan.id, plan.revision, plan.fields)))
        throw AppError.conflict('An application was changed while this request ran; nothing was changed');
    await events.appendMany(trx, plans.map((p) => p.event), actor);
    await refreshRollupsOf(trx, plans.map((p) => p.id));
    await audit.record(trx, actor, {
      action: 'applications.bulk-updated',
      entityType: 'municipality',
      entityId: code,
      municipalityCode: code,
      after: { changes: input.changes, updated: plans.map((p) => p.id), unchanged: ids.length - plans.length },
    });
    const now = await applications.findByIds(trx, ids);
    return { updated: plans.length, unchanged: ids.length - plans.length, applications: ids.map((id) => now.get(id)!.application) };
  });
}
