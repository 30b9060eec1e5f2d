import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { type DestinationStream, pino, type Logger } from 'pino';
import { pinoHttp } from 'pino-http';

export type { Logger };

/** Logs as JSON lines on standard output; `npm run dev` pipes them through pino-pretty. */
export function createLogger(level = 'info', destination: DestinationStream = pino.destination(1)): Logger {
  return pino({ level, base: { service: 'transitiemonitor' }, formatters: { level: (label) => ({ level: label }) } }, destination);
}

/**
 * One line per finished request, under the id that the request-id middleware gave it. Only method, path (no query:
 * the single sign-on callback carries its code there), status and duration: never headers, so never a cookie, CSRF
 * token or bearer token.
 */
export function requestLog(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    genReqId: (_req: IncomingMessage, res: ServerResponse) => String((res as ServerResponse & { locals: { requestId: string } }).locals.requestId),
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    serializers: {
      req: (req: { method: string; url: string }) => ({ method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    quietReqLogger: true,
  }) as RequestHandler;
}
