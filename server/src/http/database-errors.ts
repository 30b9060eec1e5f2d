import { message } from '@tm/shared/messages/messages';
import { AppError } from './app-error.ts';

/** Connection failures of either driver: the database is away, not the request wrong. */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

/** The single place where PostgreSQL error codes become domain errors. */
export function translateDatabaseError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message: text } = error as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return AppError.unavailable(message('http.databaseUnavailable'));
  if (typeof text === 'string' && /Knex: Timeout acquiring a connection|Connection terminated|Client has encountered a connection error|Client was closed and is not queryable/.test(text))
    return AppError.unavailable(message('http.databaseUnavailable'));
  // A statement timeout: the request asked for more work than its class may take at the moment.
  if (code === '57014') return AppError.unavailable(message('http.statementTimeout'));
  // Text PostgreSQL cannot store (a NUL character, say) is the caller's to fix.
  if (code === '22021' || code === '22P05' || code === '54000')
    return AppError.badRequest(message('http.unstorableText'));
  if (code === '23505') return AppError.conflict(message('http.duplicate'));
  if (code === '23503') return AppError.conflict(message('http.missingReference'));
  return undefined;
}
