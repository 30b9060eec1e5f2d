import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type {
  Application,
  ApplicationListQuery,
  CreateApplicationInput,
  UpdateApplicationInput,
} from '@tm/shared/schemas/application';
import type { HistoryEntry } from '@tm/shared/schemas/history';
import type { FieldError } from '@tm/shared/schemas/problem';
import { todayIso } from '@tm/shared/dates';
import { uuidSchema } from '@tm/shared/schemas/common';
import { milestones, stateAt } from '@tm/shared/measure/timeline';
import { refreshApplicationRollups } from '@tm/db/progress-rollups';
import type { Actor } from '../../http/actor.ts';
import { AppError } from '../../http/app-error.ts';
import * as audit from '../audit/audit.repository.ts';
import { changedFields, pick, TRACKED_FIELDS } from './application-changes.ts';
import { getMunicipality } from '../municipalities/municipalities.service.ts';
import { unknownReferenceComponentIds } from '../reference-components/reference-components.repository.ts';
import * as applications from './applications.repository.ts';
import type { ApplicationFields, StoredApplication } from './applications.repository.ts';
import * as events from './application-events.repository.ts';


export async function listApplications(
  db: Knex,
  code: string,
  query: ApplicationListQuery,
  options: { all?: boolean } = {},
): Promise<{ items: Application[]; total: number }> {
  await getMunicipality(db, code);
  const paging = options.all
    ? { limit: null, offset: 0 }
    : { limit: query.pageSize, offset: (query.page - 1) * query.pageSize };
  return applications.list(db, code, query, paging);
}

/** The municipality an application belongs to, for deciding who may change it; undefined when there is none. */
export async function municipalityOfApplication(db: Knex, id: string): Promise<string | undefined> {
  return uuidSchema.safeParse(id).success ? applications.municipalityOf(db, id) : undefined;
}

export async function getApplication(db: Knex, id: string): Promise<StoredApplication> {
  const found = await applications.findById(db, id);
  if (!found) throw AppError.notFound(`No application with id ${id}`);
  return found;
}

async function checkReferences(
  db: Knex,
  municipalityCode: string,
  input: { referenceComponentIds?: string[]; replacedBy?: string | null },
  selfId?: string,
): Promise<void> {
  const errors: FieldError[] = [];
  const ids = input.referenceComponentIds ?? [];
  const unknown = new Set(await unknownReferenceComponentIds(db, ids));
  ids.forEach((id, i) => {
    if (unknown.has(id)) errors.push({ path: `referenceComponentIds.${i}`, message: `Unknown reference component ${id}` });
  });
  if (input.replacedBy) {
    if (input.replacedBy === selfId) errors.push({ path: 'replacedBy', message: 'An application cannot replace itself' });
    else if (!(await applications.existsInMunicipality(db, input.replacedBy, municipalityCode)))
      errors.push({ path: 'replacedBy', message: 'No application with this id in the same municipality' });
  }
  if (errors.length > 0) throw AppError.badRequest('Some references do not exist', errors);
}

/** Keeps status, lifecycle and the milestone dates equal to what the event timeline says for today. */
async function syncWithTimeline(db: Knex, id: string): Promise<Pick<ApplicationFields, 'status' | 'lifecycle' | 'inUseSince' | 'retiredAt'>> {
  const timeline = await events.timelineOf(db, id);
  const today = todayIso();
  const state = stateAt(timeline, today);
  // Every application is created with both fields set, so a state exists; a creation dated in the future is
  // refused by the schema.
  return {
    status: state.status ?? 'legacy',
    lifecycle: state.lifecycle ?? 'planned',
    ...milestones(timeline, today),
  };
}

function creationDate(input: CreateApplicationInput): string {
  return input.effectiveDate ?? input.inUseSince ?? todayIso();
}

function initialFields(input: CreateApplicationInput): ApplicationFields {
  return {
    name: input.name,
    vendor: input.vendor ?? null,
    product: input.product ?? null,
    version: input.version ?? null,
    layer: input.layer ?? null,
    status: input.status,
    lifecycle: input.lifecycle,
    criteria: input.criteria,
    inUseSince: null,
    retiredAt: null,
    replacedBy: input.replacedBy ?? null,
    plannedReplacementYear: input.plannedReplacementYear ?? null,
    annualCost: input.annualCost ?? null,
    notes: input.notes ?? null,
  };
}

export async function createApplication(
  db: Knex,
  code: string,
  input: CreateApplicationInput,
  actor: Actor,
): Promise<StoredApplication> {
  await getMunicipality(db, code);
  return db.transaction(async (trx) => {
    await checkReferences(trx, code, input);
    const effectiveDate = creationDate(input);
    const id = await applications.insert(trx, code, initialFields(input));
    await applications.replaceReferenceComponents(trx, id, input.referenceComponentIds);
    const created = await getApplication(trx, id);
    await events.append(
      trx,
      {
        applicationId: id,
        municipalityCode: code,
        action: 'created',
        effectiveDate,
        status: input.status,
        lifecycle: input.lifecycle,
        before: null,
        after: pick(created.application, TRACKED_FIELDS),
      },
      actor,
    );
    await applications.updateIfRevision(trx, id, created.revision, await syncWithTimeline(trx, id));
    await refreshApplicationRollups(trx, id);
    const stored = await getApplication(trx, id);
    await audit.record(trx, actor, {
      action: 'application.created',
      entityType: 'application',
      entityId: id,
      municipalityCode: code,
      after: { ...stored.application },
    });
    return stored;
  });
}

/**
 * Many creations at once, as an import makes them: the rules of `createApplication`, but a few statements for all
 * rows instead of several per row. The state of each new application follows from its single creation event.
 * Answers the new ids in the order of `inputs`. Leaves the rollups to the caller, who must call `refreshRollupsOf`
 * once for everything its transaction wrote: one refresh per transaction takes the rollups' row locks in one
 * ordered pass, so two concurrent writers cannot each hold what the other waits for.
 */
export async function createApplications(
  db: Knex,
  code: string,
  inputs: readonly CreateApplicationInput[],
  actor: Actor,
): Promise<string[]> {
  if (inputs.length === 0) return [];
  await getMunicipality(db, code);
  return db.transaction(async (trx) => {
    await checkReferences(trx, code, { referenceComponentIds: [...new Set(inputs.flatMap((i) => i.referenceComponentIds))] });
    for (const input of inputs) if (input.replacedBy) await checkReferences(trx, code, { replacedBy: input.replacedBy });
    const today = todayIso();
    const created = inputs.map((input) => {
      const effectiveDate = creationDate(input);
      const timeline = [{ effectiveDate, seq: 0, status: input.status, lifecycle: input.lifecycle }];
      const fields = { ...initialFields(input), ...milestones(timeline, today) };
      return { id: randomUUID(), input, effectiveDate, fields };
    });
    await applications.insertMany(trx, code, created.map(({ id, fields }) => ({ id, fields })));
    await applications.addReferenceComponents(
      trx,
      created.flatMap(({ id, input }) => [...new Set(input.referenceComponentIds)].map((referenceComponentId) => ({ applicationId: id, referenceComponentId }))),
    );
    await events.appendMany(
      trx,
      created.map(({ id, input, effectiveDate, fields }) => ({
        applicationId: id,
        municipalityCode: code,
        action: 'created' as const,
        effectiveDate,
        status: input.status,
        lifecycle: input.lifecycle,
        before: null,
        after: pick({ ...fields, referenceComponentIds: [...new Set(input.referenceComponentIds)].sort() } as Application, TRACKED_FIELDS),
      })),
      actor,
    );
    return created.map((c) => c.id);
  });
}

export async function updateApplication(
  db: Knex,
  id: string,
  revision: number,
  input: UpdateApplicationInput,
  actor: Actor,
  /**
   * An import records itself in the audit trail as one entry, so its updates do not each add one; and it refreshes
   * the rollups once for all its rows (see `createApplications`).
   */
  options: { audit?: boolean; refreshRollups?: boolean } = {},
): Promise<StoredApplication> {
  return db.transaction(async (trx) => {
    const current = await applications.findByIdForUpdate(trx, id);
    if (!current) throw AppError.notFound(`No application with id ${id}`);
    if (current.revision !== revision)
      throw AppError.preconditionFailed('This application was changed since you read it; reload and try again');
    const { application } = current;
    await checkReferences(trx, application.municipalityCode, input, id);

    // A status or lifecycle given with an effective date is a fact about that date even when it equals today's
    // value: it may differ from what the timeline said back then.
    const changed = changedFields(application, input);
    const timed = (['status', 'lifecycle'] as const).filter(
      (f) => input[f] !== undefined && (changed.includes(f) || input.effectiveDate !== undefined),
    );
    if (changed.length === 0 && timed.length === 0) return current;

    const { referenceComponentIds, ...fields } = Object.fromEntries(changed.map((f) => [f, input[f]])) as Partial<Application>;
    if (!(await applications.updateIfRevision(trx, id, revision, fields)))
      throw AppError.preconditionFailed('This application was changed since you read it; reload and try again');
    if (referenceComponentIds) await applications.replaceReferenceComponents(trx, id, referenceComponentIds);

    const touched = [...new Set([...changed, ...timed])];
    const after = { ...application, ...fields, ...(referenceComponentIds ? { referenceComponentIds: [...referenceComponentIds].sort() } : {}) };
    await events.append(
      trx,
      {
        applicationId: id,
        municipalityCode: application.municipalityCode,
        action: 'updated',
        effectiveDate: timed.length > 0 ? (input.effectiveDate ?? todayIso()) : todayIso(),
        status: timed.includes('status') ? input.status! : null,
        lifecycle: timed.includes('lifecycle') ? input.lifecycle! : null,
        before: pick(application, touched),
        after: pick(after, touched),
      },
      actor,
    );
    await applications.updateIfRevision(trx, id, revision + 1, await syncWithTimeline(trx, id));
    if (options.refreshRollups !== false) await refreshApplicationRollups(trx, id);
    const stored = await getApplication(trx, id);
    if (options.audit !== false)
      await audit.record(trx, actor, {
        action: 'application.updated',
        entityType: 'application',
        entityId: id,
        municipalityCode: application.municipalityCode,
        before: pick(application, touched),
        after: { ...pick(stored.application, touched), ...(timed.length > 0 ? { effectiveDate: input.effectiveDate ?? todayIso() } : {}) },
      });
    return stored;
  });
}

export async function deleteApplication(db: Knex, id: string, revision: number, actor: Actor): Promise<void> {
  await db.transaction(async (trx) => {
    const current = await applications.findByIdForUpdate(trx, id);
    if (!current) throw AppError.notFound(`No application with id ${id}`);
    if (!(await applications.markDeletedIfRevision(trx, id, revision)))
      throw AppError.preconditionFailed('This application was changed since you read it; reload and try again');
    await events.append(
      trx,
      {
        applicationId: id,
        municipalityCode: current.application.municipalityCode,
        action: 'deleted',
        effectiveDate: todayIso(),
        status: null,
        lifecycle: null,
        before: pick(current.application, TRACKED_FIELDS),
        after: null,
      },
      actor,
    );
    await refreshApplicationRollups(trx, id);
    await audit.record(trx, actor, {
      action: 'application.deleted',
      entityType: 'application',
      entityId: id,
      municipalityCode: current.application.municipalityCode,
      before: { ...current.application },
    });
  });
}

export async function applicationHistory(db: Knex, id: string): Promise<HistoryEntry[]> {
  if (!(await events.applicationExists(db, id))) throw AppError.notFound(`No application with id ${id}`);
  return events.historyOf(db, id);
}
