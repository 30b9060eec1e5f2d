/**
 * The rows of the rollups, per municipality, that the figures of many municipalities together are made of: the
 * national figures, a province's or size class's, and the standings of every peer. Read for some municipalities or
 * all of them, as they are today or as known at a moment; the pure computations take them from here.
 */
import type { Knex } from 'knex';
import type { Municipality } from '@tm/shared/schemas/municipality';
import type { Settings } from '@tm/shared/schemas/settings';
import * as rollups from '@tm/db/progress-rollups';
import type { CompletenessRow, MunicipalityLayerFigures } from '@tm/db/progress-rollups';
import * as verifiedRollups from '@tm/db/verified-rollups';
import type { VerifiedCounts } from '@tm/shared/measure/verified';
import * as attestations from '../attestations/attestations.repository.ts';

export type MunicipalityRows = {
  /** Per municipality and layer, today's contribution and the one the target starts from. */
  figures: ReadonlyMap<string, readonly MunicipalityLayerFigures[]>;
  completeness: ReadonlyMap<string, CompletenessRow>;
  verified: ReadonlyMap<string, VerifiedCounts>;
  /** When each was last attested; municipalities never attested are absent. */
  attested: ReadonlyMap<string, string>;
};

/**
 * The register of the day, with the founders each municipality formed by a merger pools, every one's rows, and the
 * programme settings they were read with (the rows start at its start month, the figures are measured against it).
 */
export type Nation = MunicipalityRows & {
  date: string;
  members: readonly Municipality[];
  founders: ReadonlyMap<string, readonly string[]>;
  settings: Settings;
};

/** Which municipalities to read (all when absent), and those whose figures are read besides: the founders they pool. */
export type RowsScope = { codes?: readonly string[]; figureCodes?: readonly string[]; knownAt?: string | undefined; startMonth: string };

export function byCode<T>(rows: readonly T[], codeOf: (row: T) => string): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const rowsOfCode = grouped.get(codeOf(row));
    if (rowsOfCode) rowsOfCode.push(row);
    else grouped.set(codeOf(row), [row]);
  }
  return grouped;
}

/** What the standings of municipalities are made of (the share today, the target's start, completeness, freshness). */
export type StandingRows = Pick<MunicipalityRows, 'figures' | 'completeness' | 'attested'>;

/**
 * The standing rows of `scope`'s municipalities. As known at a moment, the figures and attestations are reconstructed
 * from the history; completeness is today's (PRODUCT §4).
 */
export async function readStandingRows(db: Knex, scope: RowsScope): Promise<StandingRows> {
  const { codes, knownAt } = scope;
  const figureCodes = scope.figureCodes ?? codes;
  const [figures, completeness, attested] = await Promise.all([
    rollups.municipalityFigures(db, { ...(figureCodes ? { codes: figureCodes } : {}), knownAt, startMonth: scope.startMonth }),
    rollups.completenessRows(db, codes),
    attestations.lastAttestedAt(db, { codes, knownAt }),
  ]);
  return { figures: byCode(figures, (f) => f.code), completeness, attested };
}

/** Every row of `scope`'s municipalities: their standings and verified counts. */
export async function readMunicipalityRows(db: Knex, scope: RowsScope): Promise<MunicipalityRows> {
  const [standing, verified] = await Promise.all([
    readStandingRows(db, scope),
    verifiedRollups.verifiedCounts(db, { ...(scope.codes ? { codes: scope.codes } : {}), knownAt: scope.knownAt }),
  ]);
  return { ...standing, verified };
}

/** `kept` with the entries of `codes` replaced by those in `fresh`: a municipality absent from `fresh` has none now. */
export function replacedFor<T>(codes: readonly string[], kept: ReadonlyMap<string, T>, fresh: ReadonlyMap<string, T>): Map<string, T> {
  const result = new Map(kept);
  for (const code of codes) {
    const entry = fresh.get(code);
    if (entry === undefined) result.delete(code);
    else result.set(code, entry);
  }
  return result;
}

/** `rows` with the rows of `codes` replaced by those in `fresh`. */
export function withRowsOf(rows: MunicipalityRows, codes: readonly string[], fresh: MunicipalityRows): MunicipalityRows {
  return {
    figures: replacedFor(codes, rows.figures, fresh.figures),
    completeness: replacedFor(codes, rows.completeness, fresh.completeness),
    verified: replacedFor(codes, rows.verified, fresh.verified),
    attested: replacedFor(codes, rows.attested, fresh.attested),
  };
}
