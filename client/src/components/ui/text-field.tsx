import type { ComponentProps } from 'react';
import { Textbox } from '@utrecht/component-library-react';
import { FieldFrame, controlProps } from './field-frame.tsx';

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
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <Textbox {...input} {...controlProps({ id, hint, error, required })} value={value} onChange={(e) => onChange(e.target.value)} />
    </FieldFrame>
  );
}
