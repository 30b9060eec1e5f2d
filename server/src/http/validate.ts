import type { Request } from 'express';
import type { z } from 'zod';
import { message, type MessageKey } from '@tm/shared/messages/messages';
import { issueMessage, PARSE_FOR_MESSAGES } from '@tm/shared/messages/zod-issues';
import { AppError, type AppFieldError } from './app-error.ts';

type Parts = { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
type Parsed<P extends Parts> = { [K in keyof P]: P[K] extends z.ZodType ? z.output<P[K]> : never };

const UNKNOWN: Record<'params' | 'query' | 'body', MessageKey> = {
  params: 'validation.unknownPathParameter',
  query: 'validation.unknownQueryParameter',
  body: 'validation.unknownField',
};

/**
 * Checks every part of a request against its shared schema and reports every invalid field at once (ADR
 * invalid-input), rather than stopping at the first bad part.
 */
export function validateRequest<P extends Parts>(req: Request, parts: P): Parsed<P> {
  const errors: AppFieldError[] = [];
  const out: Record<string, unknown> = {};
  for (const key of ['params', 'query', 'body'] as const) {
    const schema = parts[key];
    if (!schema) continue;
    const input = key === 'body' ? (req.body ?? {}) : req[key];
    const result = schema.safeParse(input, PARSE_FOR_MESSAGES);
    if (result.success) out[key] = result.data;
    else
      for (const issue of result.error.issues) {
        // A query parameter is named as a whole, even when one item of a list in it is wrong.
        const path = (key === 'query' ? issue.path.slice(0, 1) : issue.path).map(String).join('.');
        const unknownKeys = issue.code === 'unrecognized_keys' ? issue.keys : [];
        if (unknownKeys.length > 0)
          for (const k of unknownKeys) errors.push({ path: path ? `${path}.${k}` : k, message: message(UNKNOWN[key]) });
        else errors.push({ path: path || key, message: issueMessage(issue) });
      }
  }
  if (errors.length > 0) throw AppError.invalidFields(errors);
  return out as Parsed<P>;
}

export function requireJsonBody(req: Request): void {
  if (req.body === undefined && Number(req.headers['content-length'] ?? 0) > 0) {
    throw AppError.unsupportedMediaType(message('http.jsonOnly'));
  }
}
