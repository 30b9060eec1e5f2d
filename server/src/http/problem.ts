import type { ErrorRequestHandler, RequestHandler, Response } from 'express';
import type { Problem } from '@tm/shared/schemas/problem';
import { AppError } from './app-error.ts';
import { translateDatabaseError } from './database-errors.ts';

const PROBLEM_TYPES: Record<number, string> = {
  400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
  404: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
};

/** A problem document, with any extension members its error carries. */
type ProblemDocument = Problem & Record<string, unknown>;

export function sendProblem(res: Response, problem: ProblemDocument, headers: Record<string, string> = {}): void {
  res.status(problem.status).set(headers).type('application/problem+json').send(JSON.stringify(problem));
}

function toProblem(error: AppError, instance: string): ProblemDocument {
  return {
    ...error.extensions,
    type: PROBLEM_TYPES[error.status] ?? 'about:blank',
    title: error.title,
    status: error.status,
    detail: error.detail,
    instance,
    ...(error.errors ? { errors: error.errors } : {}),
  };
}

export const notFoundHandler: RequestHandler = (req, res) => {
  sendProblem(res, toProblem(AppError.notFound(`No resource at ${req.path}`), req.originalUrl));
};

/** Express's own errors (a malformed JSON body, a body too large) carry a status and are the client's fault. */
function fromHttpError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { status?: unknown; type?: unknown };
  if (typeof e.status !== 'number' || e.status < 400 || e.status >= 500) return undefined;
  if (e.type === 'entity.parse.failed') return AppError.badRequest('The request body is not valid JSON');
  if (e.type === 'entity.too.large') return new AppError(413, 'Content too large', 'The request body is too large');
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported')
    return new AppError(415, 'Unsupported media type', 'Unsupported body encoding');
  return new AppError(e.status, 'Invalid request', 'The request could not be read');
}

/** Unexpected errors are left on the response for the request log, which writes them with their stack. */
export const errorHandler: ErrorRequestHandler = (error, req, res, _next) => {
  // A streamed answer that fails halfway can only be cut off: the client sees a broken download, not a whole file.
  if (res.headersSent) {
    res.err = error instanceof Error ? error : new Error(String(error));
    res.destroy();
    return;
  }
  const known = error instanceof AppError ? error : (fromHttpError(error) ?? translateDatabaseError(error));
  if (known) {
    sendProblem(res, toProblem(known, req.originalUrl), known.headers);
    return;
  }
  res.err = error instanceof Error ? error : new Error(String(error));
  sendProblem(res, {
    type: 'about:blank',
    title: 'Internal server error',
    status: 500,
    detail: 'Something went wrong on our side. The error has been logged.',
    instance: req.originalUrl,
  });
};
