import type { Knex } from 'knex';
import type { MunicipalityMergerListQuery, MunicipalityMergerRecord } from '@tm/shared/schemas/municipality-merger';
import type { Province } from '@tm/shared/schemas/municipality';
import type { Actor } from '../../http/actor.ts';
import type { BindingMove } from '../accounts/users.repository.ts';
import type { RegisterSnapshot } from '../municipalities/municipalities.repository.ts';

/** What a merger replaced, so that undoing it puts everything back: the register, the editors, the applications. */
export type MergerSnapshot = {
  register: RegisterSnapshot;
  /** Whether `into` was new: undoing the merger withdraws it. */
  formed: boolean;
  bindings: BindingMove;
  /** Each application moved, with the municipality it came from. */
  moved: { applicationId: string; from: string }[];
};

type MergerRow = {
  id: string;
  date: string;
  from_codes: string[];
  into_code: string;
  into_name: string;
  into_province: Province;
  moved_applications: number;
  snapshot: MergerSnapshot;
  registered_at: Date;
  registered_by: string | null;
  registered_by_name: string;
  undone_at: Date | null;
  undone_by: string | null;
  undone_by_name: string | null;
  latest: boolean;
};

export type StoredMerger = { record: MunicipalityMergerRecord; snapshot: MergerSnapshot };

function toMerger(row: MergerRow): StoredMerger {
  return {
    snapshot: row.snapshot,
    record: {
      id: row.id,
      date: String(row.date).slice(0, 10),
      from: row.from_codes,
      fromMunicipalities: row.from_codes.map((code) => ({
        code,
        name: row.snapshot.register.municipalities.find((m) => m.code === code)?.name ?? code,
      })),
      into: { code: row.into_code, name: row.into_name, province: row.into_province },
      movedApplications: row.moved_applications,
      registeredAt: row.registered_at.toISOString(),
      registeredBy: { id: row.registered_by, name: row.registered_by_name },
      undoneAt: row.undone_at?.toISOString() ?? null,
      undoneBy: row.undone_at ? { id: row.undone_by, name: row.undone_by_name! } : null,
      undoable: row.undone_at === null && row.latest,
    },
  };
}

/** Only the latest merger registered and not undone may be undone: later ones were judged against it. */
function selectMergers(db: Knex) {
  return db('municipality_mergers as g').select(
    'g.*',
    db.raw(`not exists (select 1 from municipality_mergers n where n.undone_at is null
                         and (n.registered_at, n.id) > (g.registered_at, g.id)) as latest`),
  );
}

export async function insert(
  trx: Knex.Transaction,
  merger: { id: string; date: string; from: readonly string[]; into: { code: string; name: string; province: Province }; snapshot: MergerSnapshot },
  actor: Actor,
): Promise<StoredMerger> {
  const [row] = await trx('municipality_mergers')
    .insert({
      id: merger.id,
      date: merger.date,
      from_codes: [...merger.from],
      into_code: merger.into.code,
      into_name: merger.into.name,
      into_province: merger.into.province,
      moved_applications: merger.snapshot.moved.length,
      snapshot: JSON.stringify(merger.snapshot),
      // The moment of the statement, not of the transaction: an update registers several in order.
      registered_at: trx.raw('clock_timestamp()'),
      registered_by: actor.id,
      registered_by_name: actor.name,
    })
    .returning('id');
  return (await find(trx, (row as { id: string }).id))!;
}

export async function find(db: Knex, id: string, { lock = false } = {}): Promise<StoredMerger | undefined> {
  const query = selectMergers(db).where('g.id', id);
  if (lock) query.forUpdate('g');
  const row = (await query.first()) as MergerRow | undefined;
  return row ? toMerger(row) : undefined;
}

/** Newest registered first. */
export async function list(db: Knex, query: MunicipalityMergerListQuery): Promise<{ items: MunicipalityMergerRecord[]; total: number }> {
  const filter = (q: Knex.QueryBuilder) => {
    if (query.code) q.where((w) => w.where('g.into_code', query.code!).orWhereRaw('? = any(g.from_codes)', [query.code!]));
    return q;
  };
  const [rows, [{ n } = { n: 0 }]] = await Promise.all([
    filter(selectMergers(db))
      .orderBy([{ column: 'g.registered_at', order: 'desc' }, { column: 'g.id', order: 'desc' }])
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize) as Promise<MergerRow[]>,
    filter(db('municipality_mergers as g').count<{ n: number }[]>('* as n')),
  ]);
  return { items: rows.map((r) => toMerger(r).record), total: Number(n) };
}

/**
 * Locks the register of mergers against another merger or undoing until the transaction ends: each is judged
 * against the register as the one before left it.
 */
export async function lockRegister(trx: Knex.Transaction): Promise<void> {
  await trx.raw(`lock table municipality_mergers in share row exclusive mode`);
}

export async function markUndone(trx: Knex.Transaction, id: string, actor: Actor): Promise<void> {
  await trx('municipality_mergers').where({ id }).update({ undone_at: trx.fn.now(), undone_by: actor.id, undone_by_name: actor.name });
}
