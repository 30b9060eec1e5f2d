import type { RequestHandler } from 'express';

export const API_VERSION = '1.0.0';

export const apiVersionHeader: RequestHandler = (_req, res, next) => {
  res.set('API-Version', API_VERSION);
  next();
};
