import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { PROVINCES, type Province } from '@tm/shared/schemas/municipality';
import { municipalityMergerSchema, type MunicipalityMergerInput } from '@tm/shared/schemas/municipality-merger';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary.tsx';
import { MultiCombobox, type Choice } from '../../../components/ui/multi-combobox.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import type { FieldErrors } from '../../../lib/field-errors.ts';
import { useFormErrors } from '../../../lib/use-form-errors.ts';

const FIELDS = ['date', 'from', 'intoCode', 'intoName', 'intoProvince', '_form'] as const;
type Field = (typeof FIELDS)[number];
export const mergerFieldId = (field: string) => `merger-${field}`;

/**
 * The form field a path of the merger belongs to (`into.code` → the new code, `from.1` → the municipalities), for
 * the form's own checks and for the server's refusals alike.
 */
export function mergerFieldOf(path: string): Field {
  const [first, second] = path.split('.');
  if (first === 'into') return second === 'name' ? 'intoName' : second === 'province' ? 'intoProvince' : 'intoCode';
  return first === 'date' || first === 'from' ? first : '_form';
}

type Props = {
  /** The municipalities of today's register, to choose those that merge. */
  municipalities: readonly Choice[];
  serverErrors: FieldErrors;
  busy: boolean;
  onSubmit: (merger: MunicipalityMergerInput) => void;
};

/**
 * A herindeling as the register records it (PRODUCT §12): the day it takes effect, the municipalities that merge,
 * and the municipality they form: a new code, or the code of one of them that absorbs the others.
 */
export function MergerForm({ municipalities, serverErrors, busy, onSubmit }: Props) {
  const { t } = useTranslation();
  const [date, setDate] = useState('');
  const [from, setFrom] = useState<string[]>([]);
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [province, setProvince] = useState<Province | ''>('');
  const { shown, summary, submit: check } = useFormErrors(serverErrors);
  const label = (field: string) => t(`register.fields.${field}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const values = { date, from, into: { code: code.trim().toUpperCase(), name, province: province || undefined } };
    check(municipalityMergerSchema, values, onSubmit, mergerFieldOf);
  };

  return (
    <form className="tm-form tm-form--narrow" onSubmit={submit} noValidate aria-labelledby="merger-form-title">
      <ErrorSummary ref={summary} heading={t('register.errorSummary')} items={summaryItems(FIELDS, shown, label, mergerFieldId)} />
      <TextField
        id={mergerFieldId('date')}
        label={label('date')}
        hint={t('register.hints.date')}
        type="date"
        required
        error={shown.date}
        value={date}
        onChange={setDate}
      />
      <MultiCombobox
        inputId={mergerFieldId('from')}
        label={label('from')}
        hint={t('register.hints.from')}
        error={shown.from}
        choices={municipalities}
        value={from}
        onChange={setFrom}
      />
      <TextField
        id={mergerFieldId('intoCode')}
        label={label('intoCode')}
        hint={t('register.hints.intoCode')}
        required
        autoComplete="off"
        spellCheck={false}
        error={shown.intoCode}
        value={code}
        onChange={setCode}
      />
      <TextField id={mergerFieldId('intoName')} label={label('intoName')} required error={shown.intoName} value={name} onChange={setName} />
      <SelectField
        id={mergerFieldId('intoProvince')}
        label={label('intoProvince')}
        error={shown.intoProvince}
        value={province}
        options={[{ value: '', label: t('register.chooseProvince') }, ...PROVINCES.map((p) => ({ value: p, label: p }))]}
        onChange={(value) => setProvince(value as Province | '')}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('register.submit')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
