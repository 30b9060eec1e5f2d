import { FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Select, SelectOption } from '@utrecht/component-library-react';

export type SelectChoice<V extends string> = { value: V; label: string };

type Props<V extends string> = {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: V;
  options: readonly SelectChoice<V>[];
  onChange: (value: V) => void;
};

/** A labelled choice from a short list, with its hint and its error, both tied to it for screen readers. */
export function SelectField<V extends string>({ id, label, hint, error, value, options, onChange }: Props<V>) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <FormField invalid={Boolean(error)}>
      <FormLabel htmlFor={id}>{label}</FormLabel>
      {hint && <FormFieldDescription id={`${id}-hint`}>{hint}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      <Select
        id={id}
        name={id}
        value={value}
        invalid={Boolean(error)}
        aria-invalid={Boolean(error) || undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(options.find((o) => o.value === e.target.value)?.value ?? value)}
      >
        {options.map((o) => (
          <SelectOption key={o.value} value={o.value}>
            {o.label}
          </SelectOption>
        ))}
      </Select>
    </FormField>
  );
}
