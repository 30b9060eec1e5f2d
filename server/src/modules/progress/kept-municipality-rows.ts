/**
 * Every municipality's rollup rows as of today, kept by one server between reads: the national figures and the
 * comparison with all peers are made of them. After a write, only the municipalities whose figures changed since the
 * revision the rows are at are read again (the measure revision's change set), and after a change that may touch
 * every municipality (settings, judgements, the register) all of them: a national read after one PATCH reads one
 * municipality's rows instead of 342.
 */
import type { Knex } from 'knex';
import { todayIso } from '@tm/shared/dates';
import { monthOf } from '@tm/shared/measure/calendar';
import { changesSince } from '@tm/db/measure-revision';
import * as usage from '@tm/db/usage-rollups';
import type { ComponentProductUse, CompliantProductUse } from '@tm/db/usage-rollups';
import * as municipalities from '../municipalities/municipalities.repository.ts';
import { getSettings } from '../settings/settings.service.ts';
import { freshSharedReads } from './fresh-shared-reads.ts';
import { byCode, type Nation, readMunicipalityRows, replacedFor, withRowsOf } from './municipality-rows.ts';

/** How a keeper reads what it keeps: all of it (on `date`), or what it holds with the rows of `codes` read again. */
export type Keeping<T> = { all: (date: string) => Promise<T>; some: (kept: T, codes: readonly string[]) => Promise<T> };

/**
 * A keeper of rows about every municipality on `db`. Each call answers rows that include every change committed
 * before it was made: a refresh under way when it is made may have missed one, so it waits for the next (see
 * `freshSharedReads`). What changed is read before the rows, in one statement with the revision it answers, so rows
 * read after it include its changes; a new day, or a change that may touch every municipality, reads them all.
 */
export function keeper<T>(db: Knex, keeping: Keeping<T>): () => Promise<T> {
  let kept: { rows: T; revision: number; date: string } | undefined;
  return freshSharedReads(async () => {
    const date = todayIso();
    const base = kept?.date === date ? kept : undefined;
    const changes = await changesSince(db, base?.revision ?? -1);
    let rows: T;
    if (!base || changes.everything) rows = await keeping.all(date);
    else if (changes.municipalityCodes.length === 0) rows = base.rows;
    else rows = await keeping.some(base.rows, changes.municipalityCodes);
    kept = { rows, revision: changes.revision, date };
    return rows;
  });
}

/** One keeper per connection pool and kind of rows: a server has one pool, and so keeps its rows once. */
export function keptPerServer<T>(keeping: (db: Knex) => Keeping<T>): (db: Knex) => Promise<T> {
  const keepers = new WeakMap<Knex, () => Promise<T>>();
  return (db) => {
    let kept = keepers.get(db);
    if (!kept) keepers.set(db, (kept = keeper(db, keeping(db))));
    return kept();
  };
}

/** What each municipality uses as compliant today, per catalogue product: the top lists and the peers' recommendations. */
export type ProductUses = {
  compliantProducts: ReadonlyMap<string, readonly CompliantProductUse[]>;
  componentProducts: ReadonlyMap<string, readonly ComponentProductUse[]>;
};

/** The nation today, with what every municipality uses. */
export type KeptNation = Nation & ProductUses;

async function productUsesOf(db: Knex, codes?: readonly string[]): Promise<ProductUses> {
  const [compliant, component] = await Promise.all([usage.compliantProductUses(db, codes), usage.componentProductUses(db, codes)]);
  return { compliantProducts: byCode(compliant, (u) => u.municipalityCode), componentProducts: byCode(component, (u) => u.municipalityCode) };
}

/** The nation's rows: the register of the day, the founders of its mergers, every municipality's rollup rows. */
export function nationKeeping(db: Knex): Keeping<KeptNation> {
  return {
    async all(date) {
      const [members, settings] = await Promise.all([municipalities.list(db, { date }), getSettings(db)]);
      const startMonth = monthOf(settings.programmeStart);
      const [founders, rows, uses] = await Promise.all([municipalities.foundersOf(db, members), readMunicipalityRows(db, { startMonth }), productUsesOf(db)]);
      return { settings, date, members, founders, ...rows, ...uses };
    },
    // A change of settings or of the register is a change of every municipality: only rows change here.
    async some(kept, codes) {
      const [rows, uses] = await Promise.all([readMunicipalityRows(db, { codes, startMonth: monthOf(kept.settings.programmeStart) }), productUsesOf(db, codes)]);
      return {
        ...kept,
        ...withRowsOf(kept, codes, rows),
        compliantProducts: replacedFor(codes, kept.compliantProducts, uses.compliantProducts),
        componentProducts: replacedFor(codes, kept.componentProducts, uses.componentProducts),
      };
    },
  };
}

/** The nation's rows as of today, kept by this server. */
export const currentNation = keptPerServer(nationKeeping);
