import type { Knex } from 'knex';
import { message } from '@tm/shared/messages/messages';
import type { Municipality } from '@tm/shared/schemas/municipality';
import { AppError } from '../../http/app-error.ts';
import * as municipalities from './municipalities.repository.ts';

export async function getMunicipality(db: Knex, code: string): Promise<Municipality> {
  const found = await municipalities.findByCode(db, code);
  if (!found) throw AppError.notFound(message('municipalities.notFound', { code }));
  return found;
}
