import { AppError } from './app-error.ts';

/** Connection failures of either driver: the database is away, not the request wrong. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

/** The single place where PostgreSQL error codes become domain errors. */
export function translateDatabaseError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return AppError.unavailable('The database is not reachable; try again shortly');
  if (typeof message === 'string' && /Knex: Timeout acquiring a connection|Connection terminated|Client has encountered a connection error|Client was closed and is not queryable/.test(message))
    return AppError.unavailable('The database is not reachable; try again shortly');
  // A statement timeout: the request asked for more work than its class may take at the moment.
  if (code === '57014') return AppError.unavailable('Answering this took longer than allowed; try again shortly');
  // Text PostgreSQL cannot store (a NUL character, say) is the caller's to fix.
  if (code === '22021' || code === '22P05' || code === '54000')
    return AppError.badRequest('The request contains characters or lengths the database cannot store');
  if (code === '23505') return AppError.conflict('This would duplicate an existing record');
  if (code === '23503') return AppError.conflict('This refers to a record that does not exist');
  return undefined;
}
