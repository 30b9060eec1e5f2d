/**
 * How a write's differences reach a rollup: summed per key in memory, then added to the stored sums in one
 * statement. Shared by the progress and the usage rollups.
 */
import type { Knex } from 'knex';

export type Keyed<R> = { key: Record<string, string | null>; values: R };
export type Diffs<R> = Map<string, Keyed<R>>;
/** One changed rollup row: what the write added and the sums it left. */
export type Added<R> = { key: Record<string, string | null>; diff: R; total: R };

export function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

// JSON rather than a separator, so that no text value (a vendor "a|b", a null) can be mistaken for another.
const idOf = (keyValues: readonly unknown[]) => JSON.stringify(keyValues);

export function accumulate<R extends Record<string, number>>(
  into: Diffs<R>,
  key: Record<string, string | null>,
  values: R,
  columns: readonly (keyof R & string)[],
  sign: 1 | -1,
): void {
  const id = idOf(Object.values(key));
  const found = into.get(id) ?? { key, values: Object.fromEntries(columns.map((c) => [c, 0])) as R };
  for (const c of columns) (found.values as Record<string, number>)[c] = found.values[c]! + sign * Number(values[c]);
  into.set(id, found);
}

const isZero = (values: Record<string, number>, columns: readonly string[]) => columns.every((c) => Math.abs(Number(values[c])) < 1e-9);

/**
 * Adds the non-zero differences to a rollup and answers the rows it changed. Rows are sorted so concurrent writers
 * lock them in the same order. A row whose sums fall to zero is removed: an absent row means zero, and figures
 * that once existed (a misspelt product) should not linger.
 */
export async function addToRollup<R extends Record<string, number>>(
  db: Knex,
  table: string,
  keyColumns: readonly string[],
  columns: readonly (keyof R & string)[],
  diffs: Diffs<R>,
): Promise<Added<R>[]> {
  const changed = [...diffs.entries()]
    .filter(([, d]) => !isZero(d.values, columns))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (changed.length === 0) return [];
  const merge = Object.fromEntries(columns.map((c) => [c, db.raw('?? + excluded.??', [`${table}.${c}`, c])]));
  const totals: Record<string, unknown>[] = await db(table)
    .insert(changed.map(([, d]) => ({ ...d.key, ...d.values })))
    .onConflict([...keyColumns])
    .merge(merge)
    .returning([...keyColumns, ...columns]);
  const byKey = new Map(totals.map((t) => [idOf(keyColumns.map((k) => t[k])), t as R]));
  const added = changed.map(([, d]) => ({ key: d.key, diff: d.values, total: byKey.get(idOf(keyColumns.map((k) => d.key[k])))! }));
  const emptied = added.filter((a) => isZero(a.total, columns));
  if (emptied.length > 0)
    await db(table)
      .where((w) => {
        for (const e of emptied)
          w.orWhere((one) => {
            for (const k of keyColumns) {
              const value = e.key[k];
              if (value === null || value === undefined) one.whereNull(k);
              else one.where(k, value);
            }
          });
      })
      .where((w) => {
        for (const c of columns) w.where(c, 0);
      })
      .delete();
  return added;
}

/**
 * From a rollup's changed counts, whether the row newly counts (+1) or no longer counts (-1) in a coarser grouping:
 * a municipality counts for a component while its own count is above zero.
 */
export function crossingOf<R extends Record<string, number>>(added: Added<R>, column: keyof R & string): -1 | 0 | 1 {
  const countsNow = added.total[column]! > 0;
  const countedBefore = added.total[column]! - added.diff[column]! > 0;
  return countsNow === countedBefore ? 0 : countsNow ? 1 : -1;
}

/**
 * Replaces the rows a per-application table holds for `applicationIds` by what `select` (a query yielding
 * `columns`) computes now, and answers both, for the caller to add their difference to the sums.
 */
export async function replaceApplicationRows<T>(
  db: Knex,
  table: string,
  applicationIds: readonly string[],
  columns: readonly string[],
  select: { sql: string; bindings: readonly Knex.RawBinding[] },
): Promise<{ before: T[]; after: T[] }> {
  const before: T[] = await db(table).whereIn('application_id', applicationIds).delete().returning('*');
  const list = columns.join(', ');
  const after: T[] = (
    await db.raw(`insert into ${table} (${list}) select ${list} from (${select.sql}) s returning *`, [...select.bindings])
  ).rows;
  return { before, after };
}
