import { useEffect, useMemo, useRef, useState } from 'react';
import type { z } from 'zod';
import { ApiError } from './api.ts';
import { fieldErrorsFromProblem, type FieldErrors } from './field-errors.ts';
import { checkForm } from './validation.ts';

/**
 * A form's own errors merged with the server's; the error summary takes focus whenever either appears, so keyboard
 * and screen-reader users learn at once what to fix.
 */
export function useFormErrors(serverErrors: FieldErrors) {
  const [errors, setErrors] = useState<FieldErrors>({});
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (Object.keys(serverErrors).length) summary.current?.focus();
  }, [serverErrors]);
  const reject = (found: FieldErrors) => {
    setErrors(found);
    requestAnimationFrame(() => summary.current?.focus());
  };
  const clear = () => setErrors({});
  return {
    shown: { ...errors, ...serverErrors } as FieldErrors,
    summary,
    reject,
    clear,
    /**
     * Checks the values with their shared schema: shows what is wrong, or clears the errors and hands the data on.
     * `fieldOf` maps a path to its form field where that is not the path's first segment.
     */
    submit: <S extends z.ZodType>(schema: S, values: unknown, onValid: (data: z.output<S>) => void, fieldOf?: (path: string) => string) => {
      const checked = checkForm(schema, values, undefined, fieldOf);
      if (checked.errors) return reject(checked.errors);
      clear();
      onValid(checked.data);
    },
  };
}

/**
 * What the server refused of a form: its field errors (in the language the client asked for), to show at the fields,
 * and any other failure (no fields named, or not a refusal at all), to show above the form. `fieldOf` (a stable
 * function) says which form field a path belongs to, when that is not its first segment.
 */
export function useServerErrors(error: unknown, fieldOf?: (path: string) => string): { fields: FieldErrors; other: unknown } {
  return useMemo(() => {
    const fields = error instanceof ApiError && error.problem.errors?.length ? fieldErrorsFromProblem(error.problem.errors, fieldOf) : {};
    return { fields, other: error && Object.keys(fields).length === 0 ? error : null };
  }, [error, fieldOf]);
}
