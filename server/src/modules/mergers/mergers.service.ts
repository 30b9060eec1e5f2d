/**
 * Mergers of municipalities (PRODUCT §12): the register changes, each application of the municipalities that end
 * moves to the one they form through the one write path (a `moved` event on the merger day, its history intact),
 * editors follow, and the figures stay what they were: the national series at every date, and every municipality's
 * past. A merger can be undone until the next one is registered. A reviewed register update (the yearly CBS list)
 * applies its mergers, renames and population counts at once.
 */
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { todayIso } from '@tm/shared/dates';
import { message } from '@tm/shared/messages/messages';
import { mergerProblems } from '@tm/shared/register/merger-rules';
import type {
  MunicipalityMergerInput,
  MunicipalityMergerListQuery,
  MunicipalityMergerRecord,
  RegisterUpdate,
  RegisterUpdateResult,
} from '@tm/shared/schemas/municipality-merger';
import type { Actor } from '../../http/actor.ts';
import { type AppFieldError, AppError } from '../../http/app-error.ts';
import * as users from '../accounts/users.repository.ts';
import * as audit from '../audit/audit.repository.ts';
import { recordEvents } from '../events/events.repository.ts';
import { planChanges } from '../inventory/application-planner.ts';
import { writePlan } from '../inventory/application-writer.ts';
import * as applications from '../inventory/applications.repository.ts';
import * as register from '../municipalities/municipalities.repository.ts';
import { registerChanged } from '../progress/figures-changed.ts';
import * as mergers from './mergers.repository.ts';

const MESSAGES = {
  refused: (count: number) => message('mergers.refused', { count }),
  notFound: (id: string) => message('mergers.notFound', { id }),
  alreadyUndone: (m: MunicipalityMergerRecord) => message('mergers.alreadyUndone', { into: m.into.code, date: m.date, undoneAt: m.undoneAt ?? '' }),
  notLatest: (m: MunicipalityMergerRecord) => message('mergers.notLatest', { into: m.into.code, date: m.date }),
  addedSince: (code: string, count: number) => message('mergers.addedSince', { code, count }),
  unresolved: (count: number) => message('mergers.unresolved', { count }),
  /** A point the register update's author left open, in their words: it is quoted, not translated. */
  unresolvedPoint: (point: string) => message('mergers.unresolvedPoint', { point }),
  notInRegister: (code: string, date: string) => message('mergers.notInRegister', { code, date }),
  updateRefused: (count: number) => message('mergers.updateRefused', { count }),
  updateInFuture: (date: string) => message('mergers.updateInFuture', { date }),
} as const;

const EVENT_NAMES = { registered: 'municipality.merged', undone: 'municipality.merger-undone' } as const;

/** One event per municipality the merger involves, so that whoever follows any of them hears of it. */
async function announce(trx: Knex.Transaction, what: keyof typeof EVENT_NAMES, records: readonly MunicipalityMergerRecord[]): Promise<void> {
  await recordEvents(
    trx,
    records.flatMap((record) =>
      [...new Set([...record.from, record.into.code])].map((code) => ({
        name: EVENT_NAMES[what],
        subject: `municipality-mergers/${record.id}`,
        municipalityCode: code,
        data: record,
      })),
    ),
  );
}

/** Refuses mergers that do not fit the register, naming every problem (400 when none could ever fit, else 409). */
async function checkMergers(trx: Knex.Transaction, inputs: readonly MunicipalityMergerInput[], pathOf: (i: number) => string): Promise<void> {
  const codes = [...new Set(inputs.flatMap((m) => [...m.from, m.into.code]))];
  const problems = mergerProblems(inputs, await register.registerFacts(trx, codes), todayIso());
  if (problems.length === 0) return;
  const errors: AppFieldError[] = problems.map((p) => ({ path: `${pathOf(p.merger)}${p.path}`, message: p.message }));
  const status = problems.some((p) => p.status === 400) ? 400 : 409;
  throw status === 400 ? AppError.badRequest(MESSAGES.refused(problems.length), errors) : AppError.conflict(MESSAGES.refused(problems.length), errors);
}

/** Registers one merger already checked: the register, the editors, then the applications through the write path. */
async function applyMerger(trx: Knex.Transaction, input: MunicipalityMergerInput, actor: Actor): Promise<MunicipalityMergerRecord> {
  const { date, into } = input;
  const ending = input.from.filter((code) => code !== into.code);
  const before = await register.snapshot(trx, [...input.from, into.code]);
  const formed = !before.municipalities.some((m) => m.code === into.code && m.withdrawn_at === null);
  const populations = await register.populationsOn(trx, input.from, date);
  await register.putVersion(trx, into.code, date, {
    name: into.name,
    province: into.province,
    population: [...populations.values()].reduce((a, b) => a + b, 0),
  });
  await register.endByMerger(trx, ending, date, into.code);
  const bindings = await users.moveBindings(trx, input.from, into.code);

  const moving = await applications.findForChange(trx, { municipalityCodes: ending }, { lock: true });
  const plan = planChanges(
    [...moving.values()].map((current) => ({ kind: 'move', current, municipalityCode: into.code, effectiveDate: date })),
    todayIso(),
  );
  const id = randomUUID();
  const moved = [...moving.values()].map((a) => ({ applicationId: a.application.id, from: a.application.municipalityCode }));
  const { record } = await mergers.insert(trx, { id, date, from: input.from, into, snapshot: { register: before, formed, bindings, moved } }, actor);
  await writePlan(trx, plan, actor, () => [
    { action: 'municipality.merged', entityType: 'municipality-merger', entityId: id, municipalityCode: into.code, after: record },
  ]);
  return record;
}

async function registerAll(trx: Knex.Transaction, inputs: readonly MunicipalityMergerInput[], actor: Actor): Promise<MunicipalityMergerRecord[]> {
  const records: MunicipalityMergerRecord[] = [];
  for (const input of [...inputs].sort((a, b) => a.date.localeCompare(b.date))) records.push(await applyMerger(trx, input, actor));
  return records;
}

/** Takes the locks a register change needs, in the one order every register change takes them. */
async function lockRegister(trx: Knex.Transaction, codes: readonly string[]): Promise<void> {
  await mergers.lockRegister(trx);
  await register.lockForChange(trx, codes);
}

export async function registerMerger(db: Knex, input: MunicipalityMergerInput, actor: Actor): Promise<MunicipalityMergerRecord> {
  return db.transaction(async (trx) => {
    await lockRegister(trx, [...input.from, input.into.code]);
    await checkMergers(trx, [input], () => '');
    const [record] = await registerAll(trx, [input], actor);
    await registerChanged(trx);
    await announce(trx, 'registered', [record!]);
    return record!;
  });
}

/**
 * Undoes the latest merger: the register, the editors' bindings and every application it moved go back to what
 * they were (the applications through a second `moved` event on the merger day, so their histories say so).
 */
export async function undoMerger(db: Knex, id: string, actor: Actor): Promise<void> {
  await db.transaction(async (trx) => {
    await mergers.lockRegister(trx);
    const found = await mergers.find(trx, id, { lock: true });
    if (!found) throw AppError.notFound(MESSAGES.notFound(id));
    const { record, snapshot } = found;
    if (record.undoneAt) throw AppError.conflict(MESSAGES.alreadyUndone(record));
    if (!record.undoable) throw AppError.conflict(MESSAGES.notLatest(record));
    await register.lockForChange(trx, [...record.from, record.into.code]);

    const movedFrom = new Map(snapshot.moved.map((m) => [m.applicationId, m.from]));
    if (snapshot.formed) {
      const added = [...(await applications.idsOf(trx, record.into.code))].filter((appId) => !movedFrom.has(appId));
      if (added.length > 0) throw AppError.conflict(MESSAGES.addedSince(record.into.code, added.length));
    }
    await register.restore(trx, snapshot.register, snapshot.formed ? [record.into.code] : []);
    await users.undoBindingMove(trx, snapshot.bindings);
    // Applications deleted since stay where they were deleted: they count nowhere any more.
    const back = await applications.findForChange(trx, { ids: [...movedFrom.keys()] }, { lock: true });
    const plan = planChanges(
      [...back.values()].map((current) => ({ kind: 'move', current, municipalityCode: movedFrom.get(current.application.id)!, effectiveDate: record.date })),
      todayIso(),
    );
    await mergers.markUndone(trx, id, actor);
    const undone = (await mergers.find(trx, id))!.record;
    await writePlan(trx, plan, actor, () => [
      { action: 'municipality.merger-undone', entityType: 'municipality-merger', entityId: id, municipalityCode: record.into.code, before: record, after: undone },
    ]);
    await registerChanged(trx);
    await announce(trx, 'undone', [undone]);
  });
}

export async function getMerger(db: Knex, id: string): Promise<MunicipalityMergerRecord> {
  const found = await mergers.find(db, id);
  if (!found) throw AppError.notFound(MESSAGES.notFound(id));
  return found.record;
}

export function listMergers(db: Knex, query: MunicipalityMergerListQuery): Promise<{ items: MunicipalityMergerRecord[]; total: number }> {
  return mergers.list(db, query);
}

/** Renames and population counts name municipalities that exist on the update's day, once its mergers are in. */
async function checkVersions(trx: Knex.Transaction, update: RegisterUpdate): Promise<void> {
  const named = [
    ...update.renames.map((r, i) => ({ code: r.code, path: `renames.${i}.code` })),
    ...update.populations.map((p, i) => ({ code: p.code, path: `populations.${i}.code` })),
  ];
  const existing = new Set((await register.list(trx, { date: update.date })).map((m) => m.code));
  const errors = named.filter((n) => !existing.has(n.code)).map((n) => ({ path: n.path, message: MESSAGES.notInRegister(n.code, update.date) }));
  if (errors.length > 0) throw AppError.conflict(MESSAGES.updateRefused(errors.length), errors);
}

/** Thrown to roll a dry run back once it has done everything a commit would. */
class DryRun extends Error {
  constructor(readonly result: RegisterUpdateResult) {
    super('dry run');
  }
}

/**
 * Applies a reviewed register update (`db/scripts/build-reference-data.ts --newer-list`): its mergers in date order,
 * then its renames and population counts from its date, all or nothing. A dry run does exactly that and rolls it
 * back, so that it answers what a commit would do, or the same refusal.
 */
export async function applyRegisterUpdate(db: Knex, update: RegisterUpdate, mode: 'dry-run' | 'commit', actor: Actor): Promise<RegisterUpdateResult> {
  // CBS publishes a list ahead of its date, so the file may be made early; applied early, its renames and population
  // counts would show as today's, since the register's current row takes the latest version.
  if (update.date > todayIso()) throw AppError.badRequest(MESSAGES.updateInFuture(update.date), [{ path: 'date', message: MESSAGES.updateInFuture(update.date) }]);
  if (update.unresolved.length > 0)
    throw AppError.unprocessable(
      MESSAGES.unresolved(update.unresolved.length),
      update.unresolved.map((point, i) => ({ path: `unresolved.${i}`, message: MESSAGES.unresolvedPoint(point) })),
    );
  try {
    return await db.transaction(async (trx) => {
      const codes = [...new Set([...update.mergers.flatMap((m) => [...m.from, m.into.code]), ...update.renames.map((r) => r.code), ...update.populations.map((p) => p.code)])];
      await lockRegister(trx, codes);
      await checkMergers(trx, update.mergers, (i) => `mergers.${i}.`);
      const records = await registerAll(trx, update.mergers, actor);
      await checkVersions(trx, update);
      for (const rename of update.renames) await register.putVersion(trx, rename.code, update.date, { name: rename.name });
      for (const count of update.populations) await register.putVersion(trx, count.code, update.date, { population: count.population });
      const result: RegisterUpdateResult = {
        mode,
        committed: mode === 'commit',
        mergers: records.length,
        renames: update.renames.length,
        populations: update.populations.length,
        movedApplications: records.reduce((n, r) => n + r.movedApplications, 0),
      };
      if (mode === 'dry-run') throw new DryRun(result);
      await audit.record(trx, actor, {
        action: 'municipality-register.updated',
        entityType: 'municipality-register',
        entityId: null,
        after: { date: update.date, source: update.source, ...result },
      });
      await registerChanged(trx);
      await announce(trx, 'registered', records);
      return result;
    });
  } catch (error) {
    if (error instanceof DryRun) return error.result;
    throw error;
  }
}
