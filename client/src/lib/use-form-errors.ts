import { useEffect, useRef, useState } from 'react';
import type { FieldErrors } from './validation.ts';

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
