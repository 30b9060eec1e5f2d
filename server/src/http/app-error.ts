import type { FieldError } from '@tm/shared/schemas/problem';

/** The one error type the service layer throws; the error middleware turns it into problem+json. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
    /** More members of the problem document (RFC 9457 extensions), such as an import's whole report. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail);
  }

  static badRequest(detail: string, errors?: FieldError[]) {
    return new AppError(400, 'Invalid request', detail, errors);
  }
  /** Every invalid field of a request at once (ADR invalid-input). */
  static invalidFields(errors: FieldError[]) {
    return AppError.badRequest(`${errors.length} invalid field${errors.length === 1 ? '' : 's'}`, errors);
  }
  static notFound(detail: string) {
    return new AppError(404, 'Not found', detail);
  }
  static conflict(detail: string, errors?: FieldError[], extensions?: Record<string, unknown>) {
    return new AppError(409, 'Conflict', detail, errors, undefined, extensions);
  }
  static preconditionFailed(detail: string) {
    return new AppError(412, 'Precondition failed', detail);
  }
  static preconditionRequired(detail: string) {
    return new AppError(428, 'Precondition required', detail);
  }
  static unprocessable(detail: string, errors?: FieldError[], extensions?: Record<string, unknown>) {
    return new AppError(422, 'Unprocessable content', detail, errors, undefined, extensions);
  }
  static unavailable(detail: string) {
    return new AppError(503, 'Service unavailable', detail, undefined, { 'Retry-After': '5' });
  }
}
