import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '../../../components/ui/text-area-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import type { FieldErrors } from '../../../lib/field-errors.ts';

export type CoalitionValues = { name: string; targetYear: string; description: string };

/** The fields a coalition describes itself with, as text while typed; `values()` hands them on in the schema's shape. */
export function useCoalitionValues(initial: CoalitionValues) {
  const [values, setValues] = useState(initial);
  return {
    values,
    set: (field: keyof CoalitionValues) => (value: string) => setValues((v) => ({ ...v, [field]: value })),
    reset: () => setValues(initial),
    input: () => ({ name: values.name, targetYear: Number(values.targetYear), description: values.description }),
  };
}

type Props = { fields: ReturnType<typeof useCoalitionValues>; shown: FieldErrors; fieldId: (field: string) => string };

/** Name, target year and description: said once for starting a coalition and for its coordinator's changes. */
export function CoalitionFields({ fields, shown, fieldId }: Props) {
  const { t } = useTranslation();
  const label = (field: string) => t(`collective.start.fields.${field}`);
  return (
    <>
      <TextField id={fieldId('name')} label={label('name')} required error={shown.name} value={fields.values.name} onChange={fields.set('name')} />
      <TextField
        id={fieldId('targetYear')}
        label={label('targetYear')}
        type="number"
        inputMode="numeric"
        required
        error={shown.targetYear}
        value={fields.values.targetYear}
        onChange={fields.set('targetYear')}
      />
      <TextAreaField
        id={fieldId('description')}
        label={label('description')}
        hint={t('collective.start.descriptionHint')}
        error={shown.description}
        value={fields.values.description}
        onChange={fields.set('description')}
      />
    </>
  );
}
