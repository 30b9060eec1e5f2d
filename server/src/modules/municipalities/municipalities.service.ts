import type { Knex } from 'knex';
import { message } from '@tm/shared/messages/messages';
import type { Municipality } from '@tm/shared/schemas/municipality';
import { AppError } from '../../http/app-error.ts';
import * as municipalities from './municipalities.repository.ts';

/**
 * A municipality as the register has it on `date` (today when left out). One that has merged away is still found,
 * with its last name and where it went, so that its past can be shown.
 */
export async function getMunicipality(db: Knex, code: string, date?: string): Promise<Municipality> {
  const found = await municipalities.findByCode(db, code, date);
  if (!found) throw AppError.notFound(date ? message('municipalities.notFoundOn', { code, date }) : message('municipalities.notFound', { code }));
  return found;
}

const endedMessage = (ended: municipalities.EndedMunicipality) =>
  ended.mergedInto
    ? message('municipalities.mergedAway', { code: ended.code, into: ended.mergedInto, date: ended.validTo ?? '' })
    : message('municipalities.withdrawn', { code: ended.code });

/**
 * Refuses (409) a write into a municipality that no longer takes applications (PRODUCT §12). With `lock`, inside a
 * write's transaction, it also waits for a merger of them in flight (see `endedAmong`).
 */
export async function requireTakingApplications(db: Knex, codes: readonly string[], options = { lock: false }): Promise<void> {
  if (codes.length === 0) return;
  const [ended] = await municipalities.endedAmong(db, codes, options);
  if (ended) throw AppError.conflict(endedMessage(ended));
}
