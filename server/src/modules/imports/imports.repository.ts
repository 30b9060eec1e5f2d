import type { Knex } from 'knex';
import type { Actor } from '../../http/actor.ts';
import type { ApplicationValues } from '../inventory/application-planner.ts';
import type { WrittenChange } from '../inventory/application-writer.ts';

/** What undoing an import does to one application it wrote: delete a new one, or set the changed fields back. */
export type UndoStep =
  | { kind: 'delete' }
  | { kind: 'restore'; values: Partial<ApplicationValues>; effectiveDate: string };

/** One application an import wrote: the revision it left, and how to undo it while that revision holds. */
export type ImportedChange = { applicationId: string; name: string; revision: number; undo: UndoStep };

export type StoredImport = {
  id: string;
  municipalityCode: string;
  fileName: string;
  changes: ImportedChange[];
  undoneAt: string | null;
};

type ImportRow = {
  id: string;
  municipality_code: string;
  file_name: string;
  changes: ImportedChange[];
  undone_at: Date | null;
};

/** Status and lifecycle before a change are those in force on its date: none when the application did not exist yet. */
function restored(before: Record<string, unknown>): Partial<ApplicationValues> {
  return Object.fromEntries(Object.entries(before).filter(([field, value]) => !((field === 'status' || field === 'lifecycle') && value == null)));
}

function undoStep(change: WrittenChange): UndoStep {
  if (change.action === 'created') return { kind: 'delete' };
  return { kind: 'restore', values: restored(change.history.before ?? {}), effectiveDate: change.history.effectiveDate };
}

export async function insert(
  trx: Knex.Transaction,
  entry: { id: string; municipalityCode: string; fileName: string; written: readonly WrittenChange[] },
  actor: Actor,
): Promise<void> {
  const changes: ImportedChange[] = entry.written.map((w) => ({
    applicationId: w.application.id,
    name: w.application.name,
    revision: w.revision,
    undo: undoStep(w),
  }));
  await trx('application_imports').insert({
    id: entry.id,
    municipality_code: entry.municipalityCode,
    file_name: entry.fileName,
    changes: JSON.stringify(changes),
    imported_by: actor.id,
    imported_by_name: actor.name,
  });
}

export async function find(db: Knex, code: string, id: string, { lock = false } = {}): Promise<StoredImport | undefined> {
  const query = db('application_imports').where({ id, municipality_code: code });
  if (lock) query.forUpdate();
  const row = (await query.first()) as ImportRow | undefined;
  return row
    ? { id: row.id, municipalityCode: row.municipality_code, fileName: row.file_name, changes: row.changes, undoneAt: row.undone_at?.toISOString() ?? null }
    : undefined;
}

export async function markUndone(trx: Knex.Transaction, id: string, actor: Actor): Promise<void> {
  await trx('application_imports').where({ id }).update({ undone_at: trx.fn.now(), undone_by: actor.id, undone_by_name: actor.name });
}
