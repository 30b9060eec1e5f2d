/**
 * The small SQL pieces every rollup is written with, defined once: bind lists, sums, and how a write's difference
 * reaches the rollups in the one statement that computes it, whatever the number of applications.
 */
import type { Knex } from 'knex';

export function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}

/** `sum(c) as c` for each column, for a `group by`. */
export function sums(columns: readonly string[]): string {
  return columns.map((c) => `sum(${c}) as ${c}`).join(', ');
}

/** A table of sums: its key columns with their SQL types, and the columns it sums. */
export type Rollup = {
  table: string;
  keys: Readonly<Record<string, 'text' | 'date' | 'uuid'>>;
  /** Key columns that may be null (a product without vendor): matched with `is not distinct from`. */
  nullableKeys?: readonly string[];
  columns: readonly string[];
};

const allZero = (columns: readonly string[], table = '') => columns.map((c) => `${table}${c} = 0`).join(' and ');

/**
 * Common table expressions that replace what a per-application table (keyed by `keys`) holds for the applications
 * bound as `?` (a uuid array, bound twice: before and after `select`'s own bindings) by what `select` computes for
 * them now: `<name>_old` and `<name>_new` are the rows before and after. Rows that stay are updated in place, never
 * deleted and inserted again: the parts of one statement run in no set order, so an insert could meet the key of a
 * row its delete had not removed yet.
 */
export function replacingRows(name: string, table: string, keys: readonly string[], columns: readonly string[], select: string): string {
  const list = columns.join(', ');
  const values = columns.filter((c) => !keys.includes(c));
  return `${name}_old as (select ${list} from ${table} where application_id = any(?::uuid[])),
    ${name}_new as (${select}),
    ${name}_gone as (
      delete from ${table} t where t.application_id = any(?::uuid[])
        and not exists (select 1 from ${name}_new n where ${keys.map((k) => `n.${k} = t.${k}`).join(' and ')})
    ),
    ${name}_put as (
      insert into ${table} (${list}) select ${list} from ${name}_new
      on conflict (${keys.join(', ')}) do update set ${values.map((c) => `${c} = excluded.${c}`).join(', ')}
    )`;
}

/**
 * The difference `replacingRows(name)` made, summed per key: each value expression over the new rows minus the
 * same over the old ones.
 */
export function difference(name: string, keyColumns: readonly string[], values: Readonly<Record<string, string>>): string {
  const keys = keyColumns.join(', ');
  const columns = Object.keys(values);
  const side = (from: string, sign: string) =>
    `select ${keys}, ${columns.map((c) => `${sign}(${values[c]}) as ${c}`).join(', ')} from ${from}`;
  return `select ${keys}, ${sums(columns)}
    from (${side(`${name}_new`, '+')} union all ${side(`${name}_old`, '-')}) d group by ${keys}`;
}

/**
 * A common table expression that adds the rows of `source` (key and value columns, one row per key) to the sums
 * of `rollup` and answers each changed row's new sums with `emptied`: whether they fell to zero. Rows are added in
 * key order, so concurrent writers lock them in the same order.
 */
export function addingTo(name: string, rollup: Rollup, source: string): string {
  const { table, columns } = rollup;
  const keys = Object.keys(rollup.keys);
  const all = [...keys, ...columns];
  return `${name} as (
    insert into ${table} (${all.join(', ')})
    select ${all.join(', ')} from (${source}) x where not (${allZero(columns)}) order by ${keys.join(', ')}
    on conflict (${keys.join(', ')}) do update set ${columns.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')}
    returning ${all.map((c) => `${table}.${c}`).join(', ')}, (${allZero(columns, `${table}.`)}) as emptied
  )`;
}

/** Common table expressions that refresh some rollups, with their bindings and the `addingTo` names they use. */
export type Refresh = { ctes: string[]; bindings: Knex.RawBinding[]; rollups: Readonly<Record<string, Rollup>> };

/**
 * Runs refreshes as one statement, then removes the rows whose sums it brought to zero: an absent row means zero,
 * and figures that once existed (a misspelt product) should not linger. The statement's own row locks keep those
 * rows at zero until then.
 */
export async function runRefreshes(db: Knex, refreshes: readonly Refresh[]): Promise<void> {
  const rollups: Record<string, Rollup> = Object.assign({}, ...refreshes.map((r) => r.rollups));
  const emptied = Object.keys(rollups)
    .map((name) => `select '${name}' as rollup, to_jsonb(${name}) as row from ${name} where emptied`)
    .join(' union all ');
  const { rows } = (await db.raw(`with ${refreshes.flatMap((r) => r.ctes).join(',\n')} ${emptied}`, refreshes.flatMap((r) => r.bindings))) as {
    rows: { rollup: string; row: Record<string, unknown> }[];
  };
  const pruned = Object.entries(rollups)
    .map(([name, rollup]) => ({ rollup, keys: rows.filter((r) => r.rollup === name).map((r) => r.row) }))
    .filter((p) => p.keys.length > 0);
  if (pruned.length === 0) return;
  await db.raw(
    `with ${pruned.map((p, i) => `pruned_${i} as (${removal(p.rollup)})`).join(', ')} select 1`,
    pruned.map((p) => JSON.stringify(p.keys.map((key) => Object.fromEntries(Object.keys(p.rollup.keys).map((k) => [k, key[k] ?? null]))))),
  );
}

/** Deletes the rows of `rollup` named by the keys bound as `?` (a JSON array) whose sums are all zero. */
function removal(rollup: Rollup): string {
  const names = Object.keys(rollup.keys);
  const match = names.map((k) => (rollup.nullableKeys?.includes(k) ? `t.${k} is not distinct from k.${k}` : `t.${k} = k.${k}`));
  return `delete from ${rollup.table} t using jsonb_to_recordset(?::jsonb) as k(${names.map((k) => `${k} ${rollup.keys[k]}`).join(', ')})
          where ${match.join(' and ')} and ${allZero(rollup.columns, 't.')}`;
}
