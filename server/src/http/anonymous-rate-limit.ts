import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import { message } from '@tm/shared/messages/messages';
import { AppError } from './app-error.ts';
import { currentAuth } from './authenticate.ts';
import { clientAddress } from './client-address.ts';
import type { Logger } from './request-log.ts';

/**
 * Limits how often one anonymous client may ask for figures "as known at" an earlier moment. The count is kept in
 * this server's memory, not in PostgreSQL: what it protects is this server's places for such computations (each
 * server has its own queue), and counting in the database would add a write to the database under attack on
 * every read. Behind a load balancer a client gets the limit once per server, which the queues bound anyway.
 * Signed-in callers are not limited here: they are known, and the queue bounds them.
 */
export function anonymousHistoryReadLimit(perMinute: number, logger: Logger): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req, res) => currentAuth(res) !== undefined || req.query.knownAt === undefined,
    keyGenerator: (req) => clientAddress(req),
    handler: (_req, _res, next) => next(AppError.withStatus(429, message('http.tooManyHistoryReads', { perMinute }))),
    logger: { warn: (error, message) => logger.warn({ err: error }, message ?? 'rate limit'), error: (error, message) => logger.error({ err: error }, message ?? 'rate limit') },
  });
}
