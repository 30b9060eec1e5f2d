import type { FieldError } from '@tm/shared/schemas/problem';

/** Form field (the first segment of a path) → the first message about it. */
export type FieldErrors = Record<string, string>;

/** A server's 400 `errors` by form field, as the server wrote them: in the language the client asked for. */
export function fieldErrorsFromProblem(errors: readonly FieldError[]): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) {
    const field = e.path.split('.')[0] || '_form';
    out[field] ??= e.message;
  }
  return out;
}
