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
