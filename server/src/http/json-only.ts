import type { RequestHandler } from 'express';
import { message } from '@tm/shared/messages/messages';
import { AppError } from './app-error.ts';

const ACCEPTED = ['application/json', 'application/*+json', 'multipart/form-data'];

/**
 * Request bodies are JSON, or a file upload (multipart). Anything else (a form post, plain text, XML) is refused
 * before it is read, so that no route is ever handed a body in a shape it did not expect.
 */
export const jsonOnly: RequestHandler = (req, _res, next) => {
  const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  if (hasBody && !req.is(ACCEPTED)) throw AppError.unsupportedMediaType(message('http.jsonOnly'));
  next();
};
