import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { PROVINCES, type Province } from '@tm/shared/schemas/municipality';
import { municipalityMergerSchema, type MunicipalityMergerInput } from '@tm/shared/schemas/municipality-merger';
import type { FieldError } from '@tm/shared/schemas/problem';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary.tsx';
import { MultiCombobox, type Choice } from '../../../components/ui/multi-combobox.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useFormErrors } from '../../../lib/use-form-errors.ts';
import { issueMessage, translatedMessage, type FieldErrors } from '../../../lib/validation.ts';

const FIELDS = ['date', 'from', 'intoCode', 'intoName', 'intoProvince', '_form'] as const;
type Field = (typeof FIELDS)[number];
export const mergerFieldId = (field: string) => `merger-${field}`;

/** The form field a path of the merger (`into.code`, `from.1`) belongs to. */
export function mergerFieldOf(path: readonly PropertyKey[]): Field {
  const [first, second] = path.map(String);
  if (first === 'into') return second === 'name' ? 'intoName' : second === 'province' ? 'intoProvince' : 'intoCode';
  return first === 'date' || first === 'from' ? first : '_form';
}

/** The server's refusal at the fields it names: "GM0060 already merged into GM9101 on …" under "Gemeenten". */
export function mergerErrorsFromProblem(errors: readonly FieldError[], t: TFunction): FieldErrors {
  const out: FieldErrors = {};
  for (const e of errors) out[mergerFieldOf(e.path.split('.'))] ??= translatedMessage(e.message, t) ?? e.message;
  return out;
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
  const { shown, summary, reject, clear } = useFormErrors(serverErrors);
  const label = (field: string) => t(`register.fields.${field}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = municipalityMergerSchema.safeParse({ date, from, into: { code: code.trim().toUpperCase(), name, province: province || undefined } });
    if (!parsed.success) {
      const found: FieldErrors = {};
      for (const issue of parsed.error.issues) found[mergerFieldOf(issue.path)] ??= issueMessage(issue, t);
      return reject(found);
    }
    clear();
    onSubmit(parsed.data);
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
