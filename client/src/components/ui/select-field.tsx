import { Select, SelectOption } from '@utrecht/component-library-react';
import { FieldFrame, describedByOf } from './field-frame.tsx';

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
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <Select
        id={id}
        name={id}
        value={value}
        invalid={Boolean(error)}
        aria-invalid={Boolean(error) || undefined}
        aria-describedby={describedByOf({ id, hint, error })}
        onChange={(e) => onChange(options.find((o) => o.value === e.target.value)?.value ?? value)}
      >
        {options.map((o) => (
          <SelectOption key={o.value} value={o.value}>
            {o.label}
          </SelectOption>
        ))}
      </Select>
    </FieldFrame>
  );
}
