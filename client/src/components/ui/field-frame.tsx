import type { ReactNode } from 'react';
import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel } from '@utrecht/component-library-react';

type Props = { id: string; label: string; hint?: string | undefined; error?: string | undefined; children: ReactNode };

/** The ids of a control's hint and error, for its `aria-describedby`. */
export function describedByOf({ id, hint, error }: Omit<Props, 'label' | 'children'>): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

/** What a text control says about itself: its name, whether it is required or invalid, and what describes it. */
export function controlProps({ id, hint, error, required }: { id: string; hint?: string | undefined; error?: string | undefined; required?: boolean | undefined }) {
  return {
    id,
    name: id,
    required,
    'aria-required': required || undefined,
    invalid: Boolean(error),
    'aria-invalid': Boolean(error) || undefined,
    'aria-describedby': describedByOf({ id, hint, error }),
  };
}

/** A control's label, hint and error around it, in the order a screen reader and the eye expect them. */
export function FieldFrame({ id, label, hint, error, children }: Props) {
  return (
    <FormField invalid={Boolean(error)}>
      <FormLabel htmlFor={id}>{label}</FormLabel>
      {hint && <FormFieldDescription id={`${id}-hint`}>{hint}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      {children}
    </FormField>
  );
}
