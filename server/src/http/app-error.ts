import { message, translate, type Message } from '@tm/shared/messages/messages';

/**
 * What an error says: a message of the catalogue (`shared/src/messages`), answered in the caller's language with
 * its key as `code`. There is no plain sentence: every text a caller can read exists in Dutch and English (issue 16).
 */
export type Detail = Message;
export type AppFieldError = { path: string; message: Detail };

/** The title of a problem document: the status's own, or its class's when the catalogue has none for it. */
export function statusTitle(status: number): Message {
  const known = [400, 401, 403, 404, 409, 412, 413, 414, 415, 422, 428, 429, 431, 500, 503] as const;
  const found = known.find((s) => s === status) ?? (status < 500 ? 400 : 500);
  return message(`problem.${found}`);
}

/** The one error type the service layer throws; the error middleware turns it into problem+json. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly detail: Detail,
    readonly errors?: AppFieldError[],
    readonly headers?: Record<string, string>,
    /** More members of the problem document (RFC 9457 extensions), such as an import's whole report. */
    readonly extensions?: Record<string, unknown>,
  ) {
    // In English for the log; the caller reads it in their own language.
    super(translate('en', detail));
  }

  /** Any status, titled by the catalogue. */
  static withStatus(status: number, detail: Detail, headers?: Record<string, string>) {
    return new AppError(status, detail, undefined, headers);
  }
  static badRequest(detail: Detail, errors?: AppFieldError[]) {
    return new AppError(400, detail, errors);
  }
  /** Every invalid field of a request at once (ADR invalid-input). */
  static invalidFields(errors: AppFieldError[]) {
    return AppError.badRequest(message('validation.invalidFields', { count: errors.length }), errors);
  }
  static unauthorized(detail: Detail, headers?: Record<string, string>) {
    return new AppError(401, detail, undefined, headers);
  }
  static forbidden(detail: Detail) {
    return new AppError(403, detail);
  }
  static notFound(detail: Detail) {
    return new AppError(404, detail);
  }
  static conflict(detail: Detail, errors?: AppFieldError[], extensions?: Record<string, unknown>) {
    return new AppError(409, detail, errors, undefined, extensions);
  }
  static preconditionFailed(detail: Detail) {
    return new AppError(412, detail);
  }
  static contentTooLarge(detail: Detail) {
    return new AppError(413, detail);
  }
  static unsupportedMediaType(detail: Detail) {
    return new AppError(415, detail);
  }
  static preconditionRequired(detail: Detail) {
    return new AppError(428, detail);
  }
  static unprocessable(detail: Detail, errors?: AppFieldError[], extensions?: Record<string, unknown>) {
    return new AppError(422, detail, errors, undefined, extensions);
  }
  static unavailable(detail: Detail) {
    return new AppError(503, detail, undefined, { 'Retry-After': '5' });
  }
}
