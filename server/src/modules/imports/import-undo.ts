/**
 * Undoing a committed import as one step (issue 16): its new applications are deleted and the ones it changed set
 * back, through the one write path with their history entries and one audit entry; refused (409, naming them) once
 * any of those applications has been changed since, as that change would otherwise be lost without a word.
 */
import type { Knex } from 'knex';
import { message } from '@tm/shared/messages/messages';
import { todayIso } from '@tm/shared/dates';
import type { ImportUndoResult } from '@tm/shared/schemas/import';
import type { Actor } from '../../http/actor.ts';
import { AppError } from '../../http/app-error.ts';
import { type ApplicationChange, planChanges } from '../inventory/application-planner.ts';
import { writePlan } from '../inventory/application-writer.ts';
import * as applications from '../inventory/applications.repository.ts';
import * as imports from './imports.repository.ts';

export async function undoImport(db: Knex, code: string, id: string, actor: Actor): Promise<ImportUndoResult> {
  return db.transaction(async (trx) => {
    const found = await imports.find(trx, code, id, { lock: true });
    if (!found) throw AppError.notFound(message('imports.undoNotFound', { id, code }));
    if (found.undoneAt) throw AppError.conflict(message('imports.undoneAlready', { date: found.undoneAt.slice(0, 10) }));
    const stored = await applications.findForChange(trx, { ids: found.changes.map((c) => c.applicationId) }, { lock: true });
    // Deleted since, or written since: either way the import is no longer the last word on it.
    const changedSince = found.changes.filter((c) => stored.get(c.applicationId)?.revision !== c.revision);
    if (changedSince.length > 0)
      throw AppError.conflict(
        message('imports.changedSinceImport', {
          count: changedSince.length,
          names: changedSince.map((c) => stored.get(c.applicationId)?.application.name ?? c.name),
        }),
      );
    const changes = found.changes.map((c): ApplicationChange => {
      const current = stored.get(c.applicationId)!;
      return c.undo.kind === 'delete'
        ? { kind: 'delete', current }
        : { kind: 'update', current, values: c.undo.values, effectiveDate: c.undo.effectiveDate };
    });
    const result: ImportUndoResult = {
      id,
      deleted: found.changes.filter((c) => c.undo.kind === 'delete').length,
      restored: found.changes.filter((c) => c.undo.kind === 'restore').length,
    };
    await imports.markUndone(trx, id, actor);
    await writePlan(trx, planChanges(changes, todayIso()), actor, () => [
      {
        action: 'applications.import-undone',
        entityType: 'municipality',
        entityId: code,
        municipalityCode: code,
        after: { import: id, file: found.fileName, deleted: result.deleted, restored: result.restored },
      },
    ]);
    return result;
  });
}
