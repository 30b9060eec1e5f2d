import type { ReactNode } from 'react';
import { Checkbox, Fieldset, FieldsetLegend, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, RadioButton } from '@utrecht/component-library-react';
import { describedByOf } from './field-frame.tsx';

export type GroupChoice<V extends string> = { value: V; label: string };

type Frame<V extends string> = {
  /** The group's id; each choice's control is `${id}-${value}`, the first of them what an error summary links to. */
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  choices: readonly GroupChoice<V>[];
};

/** The id of a group's first control: a fieldset takes no focus, so an error summary links there. */
export const firstChoiceId = (id: string, choices: readonly GroupChoice<string>[]) => `${id}-${choices[0]?.value ?? ''}`;

/** A legend, hint and error around a group of choices, tied to it for screen readers. */
function ChoiceFieldset<V extends string>({ id, legend, hint, error, choices, radio, control }: Frame<V> & { radio: boolean; control: (choice: GroupChoice<V>, controlId: string) => ReactNode }) {
  return (
    <Fieldset id={id} role={radio ? 'radiogroup' : undefined} required={radio} invalid={Boolean(error)} aria-describedby={describedByOf({ id, hint, error })}>
      <FieldsetLegend>{legend}</FieldsetLegend>
      {hint && <FormFieldDescription id={`${id}-hint`}>{hint}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={`${id}-error`}>{error}</FormFieldErrorMessage>}
      {choices.map((choice) => (
        <FormField key={choice.value} type={radio ? 'radio' : 'checkbox'}>
          {control(choice, `${id}-${choice.value}`)}{' '}
          <FormLabel htmlFor={`${id}-${choice.value}`} type={radio ? 'radio' : 'checkbox'}>
            {choice.label}
          </FormLabel>
        </FormField>
      ))}
    </Fieldset>
  );
}

/** One of a few choices, none chosen until the reader chooses. */
export function RadioGroupField<V extends string>({ value, onChange, ...frame }: Frame<V> & { value: V | null; onChange: (value: V) => void }) {
  return (
    <ChoiceFieldset
      {...frame}
      radio
      control={(choice, controlId) => (
        <RadioButton id={controlId} name={frame.id} value={choice.value} checked={value === choice.value} invalid={Boolean(frame.error)} onChange={() => onChange(choice.value)} />
      )}
    />
  );
}

/** Any number of a few choices. */
export function CheckboxGroupField<V extends string>({ value, onChange, ...frame }: Frame<V> & { value: readonly V[]; onChange: (value: V[]) => void }) {
  return (
    <ChoiceFieldset
      {...frame}
      radio={false}
      control={(choice, controlId) => (
        <Checkbox
          id={controlId}
          checked={value.includes(choice.value)}
          onChange={(e) => onChange(e.target.checked ? [...value, choice.value] : value.filter((v) => v !== choice.value))}
        />
      )}
    />
  );
}
