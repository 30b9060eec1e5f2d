import type { FieldError } from '@tm/shared/schemas/problem';

/** Form field (the first segment of a path) → the first message about it. */
export type FieldErrors = Record<string, string>;

/** The form field a path belongs to: its first segment, or `_form` for the whole. */
export const firstSegment = (path: string) => path.split('.')[0] || '_form';

/**
 * A server's 400 `errors` by form field, as the server wrote them: in the language the client asked for. `fieldOf`
 * says which form field a path belongs to, for a form whose fields are not the first segments of its paths.
 */
export function fieldErrorsFromProblem(errors: readonly FieldError[], fieldOf: (path: string) => string = firstSegment): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) out[fieldOf(e.path)] ??= e.message;
  return out;
}
