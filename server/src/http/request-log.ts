import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { DatabaseLog } from '@tm/db/connection';
import { type DestinationStream, pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

export type { Logger };

/**
 * Logs as JSON lines on standard output; `npm start` and `npm run dev` make them readable with pino-pretty. Each line
 * is written at once (sync): an asynchronous destination still holds the last lines when the process exits and then
 * flushes them in a loop that never ends once the reader of standard output is gone, which kept a stopped server
 * running. A written line that finds the reader gone only switches logging off.
 */
export function createLogger(level = 'info', destination: DestinationStream = pino.destination({ dest: 1, sync: true })): Logger {
  return pino({ level, base: { service: 'transitiemonitor' }, formatters: { level: (label) => ({ level: label }) } }, destination);
}

/** Refusals say who was refused: the account when it is known, and the client's address. */
const REFUSALS = new Set([401, 403, 429]);

function caller(req: IncomingMessage, res: ServerResponse): Record<string, unknown> {
  const locals = (res as ServerResponse & { locals?: { auth?: { user: { id: string } } } }).locals;
  const userId = locals?.auth?.user.id;
  return {
    ...(userId ? { userId } : {}),
    ...(REFUSALS.has(res.statusCode) ? { clientAddress: (req as IncomingMessage & { ip?: string }).ip } : {}),
  };
}

/**
 * One line per finished request, under the id that the request-id middleware gave it. Only method, path (no query:
 * the single sign-on callback carries its code there), status and duration: never headers, so never a cookie, CSRF
 * token or bearer token. The caller's account id, and for refusals (401, 403, 429) its address, are on it too.
 */
export function requestLog(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (_req: IncomingMessage, res: ServerResponse) => String((res as ServerResponse & { locals: { requestId: string } }).locals.requestId),
    customLogLevel: (_req, res, error) => (error || res.err || (res.statusCode >= 500 && res.statusCode !== 503) ? 'error' : res.statusCode === 503 ? 'warn' : 'info'),
    customSuccessObject: (req, res, line: Record<string, unknown>) => ({ ...line, ...caller(req, res) }),
    // pino-http invents an error for every 5xx; only a real one (with its stack) belongs in the line.
    customErrorObject: (req, res, _error, line: Record<string, unknown>) => ({ ...(res.err ? line : { ...line, err: undefined }), ...caller(req, res) }),
    customErrorMessage: (_req, res) => (res.err ? 'request failed' : 'request completed'),
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    quietReqLogger: true,
  }) as RequestHandler;
}

/** knex's own messages (a pool that waits too long for a connection, a deprecation) as log lines like any other. */
export function databaseLog(logger: Logger): DatabaseLog {
  const line = (level: 'warn' | 'error' | 'debug') => (message: unknown) => logger[level]({ source: 'knex', detail: message }, 'database');
  return { warn: line('warn'), error: line('error'), deprecate: line('warn'), debug: line('debug') };
}
