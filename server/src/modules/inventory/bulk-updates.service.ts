import type { Knex } from 'knex';
import { message } from '@tm/shared/messages/messages';
import type { Application } from '@tm/shared/schemas/application';
import type { BulkChanges, BulkTarget, BulkUpdateInput, BulkUpdateResult } from '@tm/shared/schemas/application-bulk-update';
import { todayIso } from '@tm/shared/dates';
import type { Actor } from '../../http/actor.ts';
import { AppError, type AppFieldError } from '../../http/app-error.ts';
import { getMunicipality, requireTakingApplications } from '../municipalities/municipalities.service.ts';
import { unknownReferenceComponentIds } from '../reference-components/reference-components.repository.ts';
import { type ApplicationValues, planChanges } from './application-planner.ts';
import { writePlan } from './application-writer.ts';
import * as applications from './applications.repository.ts';
import type { StoredApplication } from './applications.repository.ts';

/** Every listed application that cannot be changed as asked, so the caller can fix all of them at once. */
function refusals(code: string, targets: readonly BulkTarget[], found: ReadonlyMap<string, StoredApplication>, deleted: ReadonlySet<string>) {
  const missing: AppFieldError[] = [];
  const stale: AppFieldError[] = [];
  targets.forEach((target, i) => {
    const stored = found.get(target.id);
    if (!stored && deleted.has(target.id) && target.updatedAt !== undefined)
      stale.push({ path: `applications.${i}.updatedAt`, message: message('inventory.deletedSinceRead') });
    else if (!stored) missing.push({ path: `applications.${i}.id`, message: message('inventory.notInMunicipality', { code }) });
    else if (target.updatedAt !== undefined && Date.parse(target.updatedAt) !== Date.parse(stored.application.updatedAt))
      stale.push({ path: `applications.${i}.updatedAt`, message: message('inventory.changedSinceRead', { updatedAt: stored.application.updatedAt }) });
  });
  return { missing, stale };
}

/** Reference components the request names that GEMMA does not have. */
async function checkReferenceComponents(db: Knex, changes: BulkChanges): Promise<void> {
  const ids = changes.referenceComponents?.ids ?? [];
  const unknown = new Set(await unknownReferenceComponentIds(db, ids));
  const errors = ids.flatMap((id, i) =>
    unknown.has(id) ? [{ path: `changes.referenceComponents.ids.${i}`, message: message('referenceComponents.unknown', { id }) }] : [],
  );
  if (errors.length > 0) throw AppError.invalidFields(errors);
}

/** The values for one application: the chosen reference components are added to its own, or take their place. */
function valuesFor(application: Application, { effectiveDate: _date, referenceComponents, ...values }: BulkChanges): Partial<ApplicationValues> {
  if (!referenceComponents) return values;
  const { mode, ids } = referenceComponents;
  return { ...values, referenceComponentIds: mode === 'replace' ? ids : [...application.referenceComponentIds, ...ids] };
}

/**
 * Sets the same values on many applications of one municipality (PRODUCT §4.3), by the planner's one rule: all or
 * nothing, one history entry for each application that changes, one audit entry for the whole request, and the
 * dashboards refreshed in the same transaction.
 */
export async function bulkUpdateApplications(db: Knex, code: string, input: BulkUpdateInput, actor: Actor): Promise<BulkUpdateResult> {
  await getMunicipality(db, code);
  await requireTakingApplications(db, [code]);
  await checkReferenceComponents(db, input.changes);
  const ids = input.applications.map((t) => t.id);
  return db.transaction(async (trx) => {
    const found = await applications.findForChange(trx, { ids, municipalityCode: code }, { lock: true });
    const absent = ids.filter((id) => !found.has(id));
    const deleted = absent.length > 0 ? await applications.deletedAmong(trx, code, absent) : new Set<string>();
    const { missing, stale } = refusals(code, input.applications, found, deleted);
    if (missing.length > 0)
      throw AppError.badRequest(message('inventory.bulkMissing', { count: missing.length, code }), [...missing, ...stale]);
    if (stale.length > 0)
      throw AppError.conflict(message('inventory.bulkStale', { count: stale.length }), stale);

    const changes = ids.map((id) => {
      const current = found.get(id)!;
      return { kind: 'update' as const, current, values: valuesFor(current.application, input.changes), effectiveDate: input.changes.effectiveDate };
    });
    const plan = planChanges(changes, todayIso());
    const written = await writePlan(trx, plan, actor, (changes) => [
      {
        action: 'applications.bulk-updated',
        entityType: 'municipality',
        entityId: code,
        municipalityCode: code,
        after: { changes: input.changes, updated: changes.map((c) => c.application.id), unchanged: plan.unchanged.length },
      },
    ]);
    const now = new Map([...plan.unchanged.map((u) => [u.application.id, u.application] as const), ...written.map((w) => [w.application.id, w.application] as const)]);
    return { updated: written.length, unchanged: plan.unchanged.length, applications: ids.map((id) => now.get(id)!) };
  });
}
