import type { Request, Response } from 'express';
import { message } from '@tm/shared/messages/messages';
import { AppError } from './app-error.ts';

export function etagFor(id: string, revision: number): string {
  return `"${id}.${revision}"`;
}

export function setEtag(res: Response, id: string, revision: number): void {
  res.set('ETag', etagFor(id, revision));
}

/** The revision a caller last saw, from its If-Match; 428 when it sent none (no blind overwrites). */
export function requiredRevision(req: Request, id: string): number {
  const header = req.get('If-Match');
  if (!header) throw AppError.preconditionRequired(message('http.ifMatchRequired'));
  const match = /^(?:W\/)?"([^"]+)\.(\d+)"$/.exec(header.trim());
  if (!match || match[1] !== id) throw AppError.preconditionFailed(message('http.ifMatchMismatch'));
  return Number(match[2]);
}
