import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FieldError } from '@tm/shared/schemas/problem';
import { ApiError } from './api.ts';
import { fieldErrorsFromProblem, fieldErrorsFromZod, type FieldErrors } from './validation.ts';

/**
 * A form's own errors merged with the server's; the error summary takes focus whenever either appears, so keyboard
 * and screen-reader users learn at once what to fix.
 */
export function useFormErrors(serverErrors: FieldErrors) {
  const { t } = useTranslation();
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
    /** The form's values checked by the shared schema: every error at its field, or the parsed input to `onValid`. */
    submitParsed: <S extends z.ZodType>(schema: S, values: unknown, onValid: (input: z.output<S>) => void) => {
      const parsed = schema.safeParse(values);
      if (!parsed.success) return reject(fieldErrorsFromZod(parsed.error, t));
      clear();
      onValid(parsed.data);
    },
  };
}

/**
 * What the server refused of a form: its field errors in the reader's language, to show at the fields, and any other
 * failure (no fields named, or not a refusal at all), to show above the form. `toFields` says which form field a path
 * of the problem belongs to (keep it a stable function).
 */
export function useServerErrors(
  error: unknown,
  toFields: (errors: readonly FieldError[], t: TFunction) => FieldErrors = fieldErrorsFromProblem,
): { fields: FieldErrors; other: unknown } {
  const { t } = useTranslation();
  return useMemo(() => {
    const fields = error instanceof ApiError && error.problem.errors?.length ? toFields(error.problem.errors, t) : {};
    return { fields, other: error && Object.keys(fields).length === 0 ? error : null };
  }, [error, t, toFields]);
}
