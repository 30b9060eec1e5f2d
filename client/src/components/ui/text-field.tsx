import type { ComponentProps } from 'react';
import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Textbox } from '@utrecht/component-library-react';

type Props = {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
} & Pick<ComponentProps<typeof Textbox>, 'type' | 'inputMode' | 'required' | 'autoComplete' | 'max' | 'min' | 'spellCheck'>;

/** A labelled text box with its hint and its error, both tied to it for screen readers. */
export function TextField({ id, label, hint, error, value, onChange, required, ...input }: Props) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <FormField invalid={Boolean(error)}>
      <FormLabel htmlFor={id}>{label}</FormLabel>
      {hint && <FormFieldDescription id={`${id}-hint`}>{hint}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      <Textbox
        {...input}
        id={id}
        name={id}
        value={value}
        required={required}
        aria-required={required || undefined}
        invalid={Boolean(error)}
        aria-invalid={Boolean(error) || undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
    </FormField>
  );
}
