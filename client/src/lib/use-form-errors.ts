import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { FieldError } from '@tm/shared/schemas/problem';
import { ApiError } from './api.ts';
import { fieldErrorsFromProblem, type FieldErrors } from './validation.ts';

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
  return {
    shown: { ...errors, ...serverErrors } as FieldErrors,
    summary,
    reject: (found: FieldErrors) => {
      setErrors(found);
      requestAnimationFrame(() => summary.current?.focus());
    },
    clear: () => setErrors({}),
  };
}

/**
 * A refused write split in two: the fields its problem names, for the form to show at each (`toFields` says which
 * field a path belongs to; keep it a stable function), and otherwise the error itself, for a message above the form.
 */
export function useServerErrors(
  error: unknown,
  toFields: (errors: readonly FieldError[], t: TFunction) => FieldErrors = fieldErrorsFromProblem,
): { fields: FieldErrors; other: unknown } {
  const { t } = useTranslation();
  const fields = useMemo(
    () => (error instanceof ApiError && error.problem.errors?.length ? toFields(error.problem.errors, t) : {}),
    [error, t, toFields],
  );
  return { fields, other: error && Object.keys(fields).length === 0 ? error : null };
}
