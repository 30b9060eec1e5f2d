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
import type { ComponentProductUse } from '@tm/db/usage-rollups';
import * as municipalities from '../municipalities/municipalities.repository.ts';
import { getSettings } from '../settings/settings.service.ts';
import { freshSharedReads } from './fresh-shared-reads.ts';
import { byCode, type Nation, readMunicipalityRows, replacedFor, withRowsOf } from './municipality-rows.ts';

/** The nation today, and what every municipality uses as compliant for each reference component (peers' recommendations). */
export type KeptNation = Nation & { componentProducts: ReadonlyMap<string, readonly ComponentProductUse[]> };

type Kept = KeptNation & { revision: number };

/**
 * A keeper of the nation's rows on `db`. Each call answers rows that include every change committed before it was
 * made: a refresh under way when it is made may have missed one, so it waits for the next (see `freshSharedReads`).
 */
export function keptNation(db: Knex): () => Promise<KeptNation> {
  let kept: Kept | undefined;

  async function everything(revision: number, date: string): Promise<Kept> {
    const [members, settings] = await Promise.all([municipalities.list(db, { date }), getSettings(db)]);
    const [founders, rows, componentProducts] = await Promise.all([
      municipalities.foundersOf(db, members),
      readMunicipalityRows(db, { startMonth: monthOf(settings.programmeStart) }),
      usage.componentProductUses(db),
    ]);
    return { revision, date, members, founders, ...rows, componentProducts: byCode(componentProducts, (u) => u.municipalityCode) };
  }

  async function refresh(): Promise<Kept> {
    const date = todayIso();
    const base = kept?.date === date ? kept : undefined;
    // Read before the rows, in one statement with the revision it answers: rows read after it include its changes.
    const changes = await changesSince(db, base?.revision ?? -1);
    if (!base || changes.everything) kept = await everything(changes.revision, date);
    else if (changes.municipalityCodes.length === 0) kept = { ...base, revision: changes.revision };
    else {
      const codes = changes.municipalityCodes;
      const settings = await getSettings(db);
      const [fresh, componentProducts] = await Promise.all([
        readMunicipalityRows(db, { codes, startMonth: monthOf(settings.programmeStart) }),
        usage.componentProductUses(db, codes),
      ]);
      kept = {
        ...base,
        ...withRowsOf(base, codes, fresh),
        componentProducts: replacedFor(codes, base.componentProducts, byCode(componentProducts, (u) => u.municipalityCode)),
        revision: changes.revision,
      };
    }
    return kept;
  }

  return freshSharedReads(refresh);
}

const keepers = new WeakMap<Knex, () => Promise<KeptNation>>();

/** The nation's rows as of today, kept per connection pool: a server has one, and so its rows once. */
export function currentNation(db: Knex): Promise<KeptNation> {
  let keeper = keepers.get(db);
  if (!keeper) keepers.set(db, (keeper = keptNation(db)));
  return keeper();
}
