import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import type { Language } from '@tm/shared/messages/languages';
import { message, translate } from '@tm/shared/messages/messages';
import type { FieldError, Problem } from '@tm/shared/schemas/problem';
import { AppError, type AppFieldError, type Detail, statusTitle } from './app-error.ts';
import { translateDatabaseError } from './database-errors.ts';
import { languageOf, speaks } from './language.ts';

const PROBLEM_TYPES: Record<number, string> = {
  400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
  404: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
};

/** A problem document, with any extension members its error carries. */
type ProblemDocument = Problem & Record<string, unknown>;

function sendProblem(res: Response, problem: ProblemDocument, headers: Record<string, string> = {}): void {
  res.status(problem.status).set(headers).type('application/problem+json').send(JSON.stringify(problem));
}

/** A message in the caller's language with its key as code. */
function said(detail: Detail, language: Language): { code: string; message: string } {
  return { code: detail.key, message: translate(language, detail) };
}

function fieldError({ path, message: detail }: AppFieldError, language: Language): FieldError {
  return { path, ...said(detail, language) };
}

/** Renders the error in the caller's language and sends it. */
function sendError(req: Request, res: Response, error: AppError): void {
  const language = languageOf(req);
  const detail = said(error.detail, language);
  speaks(res, language);
  sendProblem(
    res,
    {
      ...error.extensions,
      type: PROBLEM_TYPES[error.status] ?? 'about:blank',
      title: translate(language, statusTitle(error.status)),
      status: error.status,
      code: detail.code,
      detail: detail.message,
      instance: req.originalUrl,
      ...(error.errors ? { errors: error.errors.map((e) => fieldError(e, language)) } : {}),
    },
    error.headers,
  );
}

export const notFoundHandler: RequestHandler = (req, res) => {
  sendError(req, res, AppError.notFound(message('http.notFound', { path: req.path })));
};

/** Express's own errors (a malformed JSON body, a body too large) carry a status and are the client's fault. */
function fromHttpError(error: unknown): AppError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { status?: unknown; type?: unknown };
  if (typeof e.status !== 'number' || e.status < 400 || e.status >= 500) return undefined;
  if (e.type === 'entity.parse.failed') return AppError.badRequest(message('http.invalidJson'));
  if (e.type === 'entity.too.large') return AppError.contentTooLarge(message('http.bodyTooLarge'));
  if (e.type === 'encoding.unsupported' || e.type === 'charset.unsupported')
    return AppError.unsupportedMediaType(message('http.unsupportedEncoding'));
  return AppError.withStatus(e.status, message('http.unreadableBody'));
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
    sendError(req, res, known);
    return;
  }
  res.err = error instanceof Error ? error : new Error(String(error));
  sendError(req, res, AppError.withStatus(500, message('http.internal')));
};
