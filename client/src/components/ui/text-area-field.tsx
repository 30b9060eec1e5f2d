import { Textarea } from '@utrecht/component-library-react';
import { FieldFrame, controlProps } from './field-frame.tsx';

type Props = {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  required?: boolean | undefined;
  value: string;
  onChange: (value: string) => void;
};

/** A labelled text area for a few sentences, with its hint and its error, both tied to it for screen readers. */
export function TextAreaField({ id, label, hint, error, required, value, onChange }: Props) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <Textarea {...controlProps({ id, hint, error, required })} value={value} onChange={(e) => onChange(e.target.value)} />
    </FieldFrame>
  );
}
