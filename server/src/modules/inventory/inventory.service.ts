import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type {
  Application,
  ApplicationListQuery,
  CreateApplicationInput,
  UpdateApplicationInput,
} from '@tm/shared/schemas/application';
import type { HistoryEntry } from '@tm/shared/schemas/history';
import { todayIso } from '@tm/shared/dates';
import { uuidSchema } from '@tm/shared/schemas/common';
import type { Actor } from '../../http/actor.ts';
import { message } from '@tm/shared/messages/messages';
import { AppError, type AppFieldError } from '../../http/app-error.ts';
import { type ApplicationChange, type ApplicationOnRecord, planChanges } from './application-planner.ts';
import { type AuditEntries, writePlan } from './application-writer.ts';
import { getMunicipality } from '../municipalities/municipalities.service.ts';
import { unknownReferenceComponentIds } from '../reference-components/reference-components.repository.ts';
import * as applications from './applications.repository.ts';
import type { StoredApplication } from './applications.repository.ts';
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
  if (!found) throw AppError.notFound(message('inventory.notFound', { id }));
  return found;
}

async function checkReferences(
  db: Knex,
  municipalityCode: string,
  input: { referenceComponentIds?: string[]; replacedBy?: string | null },
  selfId?: string,
): Promise<void> {
  const errors: AppFieldError[] = [];
  const ids = input.referenceComponentIds ?? [];
  const unknown = new Set(await unknownReferenceComponentIds(db, ids));
  ids.forEach((id, i) => {
    if (unknown.has(id)) errors.push({ path: `referenceComponentIds.${i}`, message: message('referenceComponents.unknown', { id }) });
  });
  if (input.replacedBy) {
    if (input.replacedBy === selfId) errors.push({ path: 'replacedBy', message: message('inventory.replacesItself') });
    else if (!(await applications.existsInMunicipality(db, input.replacedBy, municipalityCode)))
      errors.push({ path: 'replacedBy', message: message('inventory.successorNotFound') });
  }
  if (errors.length > 0) throw AppError.badRequest(message('inventory.missingReferences'), errors);
}

const STALE = message('inventory.stale');

/** The creation of an application as the planner takes it: dated by `effectiveDate`, else `inUseSince`, else today. */
export function creationOf(code: string, input: CreateApplicationInput): ApplicationChange {
  const { effectiveDate, inUseSince, ...given } = input;
  return {
    kind: 'create',
    id: randomUUID(),
    municipalityCode: code,
    values: {
      ...given,
      vendor: given.vendor ?? null,
      product: given.product ?? null,
      version: given.version ?? null,
      layer: given.layer ?? null,
      replacedBy: given.replacedBy ?? null,
      plannedReplacementYear: given.plannedReplacementYear ?? null,
      annualCost: given.annualCost ?? null,
      notes: given.notes ?? null,
    },
    effectiveDate: effectiveDate ?? inUseSince ?? todayIso(),
  };
}

/** A change of a stored application as the planner takes it. */
export function changeOf(current: ApplicationOnRecord, input: UpdateApplicationInput): ApplicationChange {
  const { effectiveDate, ...values } = input;
  return { kind: 'update', current, values, effectiveDate };
}

/**
 * The stored application, locked for this transaction; 404 when there never was one, 412 when `revision` is not
 * its revision any more, deleted meanwhile included.
 */
async function lockedAt(trx: Knex.Transaction, id: string, revision: number): Promise<ApplicationOnRecord> {
  const current = (await applications.findForChange(trx, { ids: [id] }, { lock: true })).get(id);
  if (current?.revision === revision) return current;
  if (current || (await events.applicationExists(trx, id))) throw AppError.preconditionFailed(STALE);
  throw AppError.notFound(message('inventory.notFound', { id }));
}

/** Per application, what changed in the history's words, and the date it took effect when it dated one. */
function perApplication(action: string): AuditEntries {
  return (written) =>
    written.map(({ application, history }) => ({
      action,
      entityType: 'application',
      entityId: application.id,
      municipalityCode: application.municipalityCode,
      before: history.before,
      after:
        history.after && ('status' in history.after || 'lifecycle' in history.after)
          ? { ...history.after, effectiveDate: history.effectiveDate }
          : history.after,
    }));
}

export async function createApplication(db: Knex, code: string, input: CreateApplicationInput, actor: Actor): Promise<StoredApplication> {
  await getMunicipality(db, code);
  return db.transaction(async (trx) => {
    await checkReferences(trx, code, input);
    const [created] = await writePlan(trx, planChanges([creationOf(code, input)], todayIso()), actor, perApplication('application.created'));
    return created!;
  });
}

export async function updateApplication(
  db: Knex,
  id: string,
  revision: number,
  input: UpdateApplicationInput,
  actor: Actor,
): Promise<StoredApplication> {
  return db.transaction(async (trx) => {
    const current = await lockedAt(trx, id, revision);
    await checkReferences(trx, current.application.municipalityCode, input, id);
    const [updated] = await writePlan(trx, planChanges([changeOf(current, input)], todayIso()), actor, perApplication('application.updated'));
    return updated ?? current;
  });
}

export async function deleteApplication(db: Knex, id: string, revision: number, actor: Actor): Promise<void> {
  await db.transaction(async (trx) => {
    const current = await lockedAt(trx, id, revision);
    await writePlan(trx, planChanges([{ kind: 'delete', current }], todayIso()), actor, perApplication('application.deleted'));
  });
}

export async function applicationHistory(db: Knex, id: string): Promise<HistoryEntry[]> {
  if (!(await events.applicationExists(db, id))) throw AppError.notFound(message('inventory.notFound', { id }));
  return events.historyOf(db, id);
}
