import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  ButtonGroup,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Heading2,
  Heading3,
  Link,
  Paragraph,
  Select,
  SelectOption,
  Textbox,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { LAYERS, LIFECYCLES, STATUSES } from '@tm/shared/schemas/application';
import { bulkChangesSchema, MAX_BULK_APPLICATIONS, type BulkChanges } from '@tm/shared/schemas/application-bulk-update';
import { todayIso } from '@tm/shared/dates';
import { useFormat } from '../../../lib/format.ts';
import { fieldErrorsFromZod, type FieldErrors } from '../../../lib/validation.ts';
import { BulkConfirmDialog } from './bulk-confirm-dialog.tsx';
import { datesAChange, emptyBulkValues, toBulkChanges, type BulkFormValues } from './bulk-edit-values.ts';

type Props = {
  selectedCount: number;
  /** How many applications match the filters, when all of them may be selected at once; else null. */
  selectableMatching: number | null;
  busy: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
  onApply: (changes: BulkChanges) => void;
};

const FIELDS = ['status', 'layer', 'lifecycle', 'effectiveDate', 'plannedReplacementYear', '_form'] as const;

/** Sets the same values on every selected row: chosen here, checked with the shared schema, confirmed, then sent. */
export function BulkEditPanel({ selectedCount, selectableMatching, busy, onSelectAllMatching, onClear, onApply }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [values, setValues] = useState<BulkFormValues>(() => emptyBulkValues(todayIso()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState<BulkChanges | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const set = <K extends keyof BulkFormValues>(key: K, value: BulkFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const shown = FIELDS.filter((field) => errors[field]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = bulkChangesSchema.safeParse(toBulkChanges(values));
    const tooMany = selectedCount > MAX_BULK_APPLICATIONS ? { _form: t('validation.tooManySelected', { max: f.integer(MAX_BULK_APPLICATIONS) }) } : null;
    if (!parsed.success || tooMany) {
      const fields = parsed.success ? {} : fieldErrorsFromZod(parsed.error, t);
      // The schema's "nothing to change" reads, on this form, as a request to choose something.
      if (fields._form) fields._form = t('inventory.bulk.nothingChosen');
      setErrors({ ...fields, ...tooMany });
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setErrors({});
    setPending(parsed.data);
  };

  const label = (field: string) => (field === 'effectiveDate' ? t('application.fields.effectiveDate') : t(`application.fields.${field}`));
  const describedBy = (field: string, hint?: boolean) =>
    [hint ? `bulk-${field}-hint` : '', errors[field] ? `bulk-${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  const error = (field: string) => (errors[field] ? <FormFieldErrorMessage id={`bulk-${field}-error`}>{errors[field]}</FormFieldErrorMessage> : null);
  /** A choice among `options`, or to leave the field as it is on every row. */
  const choice = (field: 'status' | 'layer' | 'lifecycle', options: readonly { value: string; text: string }[]) => (
    <FormField invalid={Boolean(errors[field])}>
      <FormLabel htmlFor={`bulk-${field}`}>{label(field)}</FormLabel>
      {error(field)}
      <Select id={`bulk-${field}`} value={values[field]} aria-describedby={describedBy(field)} onChange={(e) => set(field, e.target.value as BulkFormValues[typeof field])}>
        <SelectOption value="">{t('inventory.bulk.keep')}</SelectOption>
        {options.map((o) => (
          <SelectOption key={o.value} value={o.value}>
            {o.text}
          </SelectOption>
        ))}
      </Select>
    </FormField>
  );

  return (
    <section className="tm-bulk" aria-labelledby="bulk-title">
      <Heading2 id="bulk-title">{t('inventory.bulk.title')}</Heading2>
      <div className="tm-actions">
        <Paragraph aria-live="polite">
          <strong>{t('inventory.bulk.selected', { count: selectedCount, formatted: f.integer(selectedCount) })}</strong>
        </Paragraph>
        {selectableMatching !== null && selectableMatching > selectedCount && (
          <Button appearance="secondary-action-button" onClick={onSelectAllMatching}>
            {t('inventory.bulk.selectAllMatching', { count: selectableMatching, formatted: f.integer(selectableMatching) })}
          </Button>
        )}
        {selectedCount > 0 && (
          <Button appearance="subtle-button" onClick={onClear}>
            {t('inventory.bulk.clear')}
          </Button>
        )}
      </div>
      {selectableMatching === null && <Paragraph className="tm-muted">{t('inventory.bulk.tooManyMatching', { max: f.integer(MAX_BULK_APPLICATIONS) })}</Paragraph>}
      {selectedCount > 0 && (
        <form className="tm-bulk__form" onSubmit={submit} noValidate>
          {shown.length > 0 && (
            <Alert type="error">
              <div ref={summary} tabIndex={-1}>
                <Heading3>{t('application.errorSummary')}</Heading3>
                <UnorderedList>
                  {shown.map((field) => (
                    <UnorderedListItem key={field}>
                      {field === '_form' ? errors[field] : <Link href={`#bulk-${field}`}>{label(field)}: {errors[field]}</Link>}
                    </UnorderedListItem>
                  ))}
                </UnorderedList>
              </div>
            </Alert>
          )}
          <div className="tm-bulk__fields">
            {choice('status', STATUSES.map((s) => ({ value: s, text: t(`statuses.${s}`) })))}
            {choice('layer', [...LAYERS.map((l) => ({ value: l, text: t(`layers.${l}`) })), { value: 'none', text: t('inventory.bulk.noLayer') }])}
            {choice('lifecycle', LIFECYCLES.map((l) => ({ value: l, text: t(`lifecycles.${l}`) })))}
            {datesAChange(values) && (
              <FormField invalid={Boolean(errors.effectiveDate)}>
                <FormLabel htmlFor="bulk-effectiveDate">{label('effectiveDate')}</FormLabel>
                <FormFieldDescription id="bulk-effectiveDate-hint">{t('application.hints.effectiveDate')}</FormFieldDescription>
                {error('effectiveDate')}
                <Textbox
                  id="bulk-effectiveDate"
                  type="date"
                  max={todayIso()}
                  value={values.effectiveDate}
                  invalid={Boolean(errors.effectiveDate)}
                  aria-invalid={Boolean(errors.effectiveDate) || undefined}
                  aria-describedby={describedBy('effectiveDate', true)}
                  onChange={(e) => set('effectiveDate', e.target.value)}
                />
              </FormField>
            )}
            <FormField invalid={Boolean(errors.plannedReplacementYear)}>
              <FormLabel htmlFor="bulk-plannedReplacementYear">{label('plannedReplacementYear')}</FormLabel>
              <FormFieldDescription id="bulk-plannedReplacementYear-hint">{t('inventory.bulk.yearHint')}</FormFieldDescription>
              {error('plannedReplacementYear')}
              <Textbox
                id="bulk-plannedReplacementYear"
                inputMode="numeric"
                value={values.plannedReplacementYear}
                invalid={Boolean(errors.plannedReplacementYear)}
                aria-invalid={Boolean(errors.plannedReplacementYear) || undefined}
                aria-describedby={describedBy('plannedReplacementYear', true)}
                onChange={(e) => set('plannedReplacementYear', e.target.value)}
              />
            </FormField>
          </div>
          <ButtonGroup>
            <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
              {t('inventory.bulk.apply', { count: selectedCount, formatted: f.integer(selectedCount) })}
            </Button>
          </ButtonGroup>
        </form>
      )}
      {pending && (
        <BulkConfirmDialog
          count={selectedCount}
          changes={pending}
          busy={busy}
          onConfirm={() => {
            onApply(pending);
            setPending(null);
          }}
          onCancel={() => setPending(null)}
        />
      )}
    </section>
  );
}
