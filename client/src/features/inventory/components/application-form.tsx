import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Button,
  ButtonGroup,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';
import {
  CRITERIA,
  LAYERS,
  LIFECYCLES,
  STATUSES,
  createApplicationSchema,
  updateApplicationSchema,
  type Application,
  type CreateApplicationInput,
  type UpdateApplicationInput,
} from '@tm/shared/schemas/application';
import type { ReferenceComponent } from '@tm/shared/schemas/reference-component';
import { todayIso } from '@tm/shared/dates';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary.tsx';
import { fieldErrorsFromZod, type FieldErrors } from '../../../lib/validation.ts';
import { emptyValues, toCreateInput, toUpdateInput, valuesOf, type FormValues } from './application-form-values.ts';

type Props = {
  original: Application | null;
  /** Shown to readers who may not change it: every field disabled, no save button. */
  readOnly?: boolean;
  referenceComponents: readonly ReferenceComponent[];
  serverErrors: FieldErrors;
  busy: boolean;
  onCreate: (input: CreateApplicationInput) => void;
  onUpdate: (input: UpdateApplicationInput) => void;
  extraActions?: ReactNode;
};

/** Fields in the order the form shows them, which is also the order of the error summary. */
const FIELD_ORDER = ['name', 'vendor', 'product', 'version', 'referenceComponentIds', 'layer', 'status', 'lifecycle', 'effectiveDate',
  'plannedReplacementYear', 'annualCost', 'criteria', 'notes', 'replacedBy', 'inUseSince', '_form'] as const;

export function ApplicationForm({ original, readOnly = false, referenceComponents, serverErrors, busy, onCreate, onUpdate, extraActions }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FormValues>(() => (original ? valuesOf(original, todayIso()) : emptyValues(todayIso())));
  const [errors, setErrors] = useState<FieldErrors>({});
  const summary = useRef<HTMLDivElement>(null);
  const shown = { ...errors, ...serverErrors };

  // A newer version (after a save, or after someone else's change) replaces what the form shows.
  useEffect(() => {
    if (original) setValues(valuesOf(original, todayIso()));
  }, [original]);

  useEffect(() => {
    if (Object.keys(serverErrors).length) summary.current?.focus();
  }, [serverErrors]);

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const statusOrLifecycleChanged = !original || values.status !== original.status || values.lifecycle !== original.lifecycle;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = original
      ? updateApplicationSchema.safeParse(toUpdateInput(values, original))
      : createApplicationSchema.safeParse(toCreateInput(values));
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error, t));
      // The summary takes focus so keyboard and screen-reader users learn at once what to fix.
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setErrors({});
    if (original) onUpdate(parsed.data as UpdateApplicationInput);
    else onCreate(parsed.data as CreateApplicationInput);
  };

  const describedBy = (field: string, hint?: boolean) =>
    [hint ? `field-${field}-hint` : '', shown[field] ? `field-${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  const error = (field: string) =>
    shown[field] ? <FormFieldErrorMessage id={`field-${field}-error`}>{shown[field]}</FormFieldErrorMessage> : null;
  const label = (field: string) => t(`application.fields.${field}`);

  const text = (field: 'name' | 'vendor' | 'product' | 'version' | 'plannedReplacementYear' | 'annualCost', extra: { inputMode?: 'numeric' | 'decimal'; hint?: boolean; required?: boolean } = {}) => (
    <FormField invalid={Boolean(shown[field])}>
      <FormLabel htmlFor={`field-${field}`}>{label(field)}</FormLabel>
      {extra.hint && <FormFieldDescription id={`field-${field}-hint`}>{t(`application.hints.${field}`)}</FormFieldDescription>}
      {error(field)}
      <Textbox
        id={`field-${field}`}
        name={field}
        value={values[field]}
        inputMode={extra.inputMode}
        required={extra.required}
        aria-required={extra.required}
        invalid={Boolean(shown[field])}
        aria-invalid={Boolean(shown[field]) || undefined}
        aria-describedby={describedBy(field, extra.hint)}
        onChange={(e) => set(field, e.target.value)}
      />
    </FormField>
  );

  return (
    <form className="tm-form" onSubmit={submit} noValidate>
      <fieldset disabled={readOnly} className="tm-form tm-fieldset-plain">
      <ErrorSummary
        ref={summary}
        heading={t('application.errorSummary')}
        items={summaryItems(FIELD_ORDER, shown, label, (field) => `field-${field}`)}
      />
      {text('name', { required: true })}
      {text('vendor')}
      {text('product')}
      {text('version')}
      <FormField invalid={Boolean(shown.referenceComponentIds)}>
        <FormLabel htmlFor="field-referenceComponentIds">{label('referenceComponentIds')}</FormLabel>
        <FormFieldDescription id="field-referenceComponentIds-hint">{t('application.hints.referenceComponentIds')}</FormFieldDescription>
        {error('referenceComponentIds')}
        <Select
          id="field-referenceComponentIds"
          multiple
          size={6}
          value={values.referenceComponentIds}
          aria-describedby={describedBy('referenceComponentIds', true)}
          onChange={(e) => set('referenceComponentIds', Array.from(e.target.selectedOptions, (o) => o.value))}
        >
          {referenceComponents.map((rc) => (
            <SelectOption key={rc.id} value={rc.id}>
              {rc.name}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      <FormField invalid={Boolean(shown.layer)}>
        <FormLabel htmlFor="field-layer">{label('layer')}</FormLabel>
        {error('layer')}
        <Select id="field-layer" value={values.layer} aria-describedby={describedBy('layer')} onChange={(e) => set('layer', e.target.value as FormValues['layer'])}>
          <SelectOption value="">{t('application.noLayer')}</SelectOption>
          {LAYERS.map((l) => (
            <SelectOption key={l} value={l}>
              {t(`layers.${l}`)}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      <FormField invalid={Boolean(shown.status)}>
        <FormLabel htmlFor="field-status">{label('status')}</FormLabel>
        {error('status')}
        <Select id="field-status" value={values.status} aria-describedby={describedBy('status')} onChange={(e) => set('status', e.target.value as FormValues['status'])}>
          {STATUSES.map((s) => (
            <SelectOption key={s} value={s}>
              {t(`statuses.${s}`)}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      <FormField invalid={Boolean(shown.lifecycle)}>
        <FormLabel htmlFor="field-lifecycle">{label('lifecycle')}</FormLabel>
        {error('lifecycle')}
        <Select id="field-lifecycle" value={values.lifecycle} aria-describedby={describedBy('lifecycle')} onChange={(e) => set('lifecycle', e.target.value as FormValues['lifecycle'])}>
          {LIFECYCLES.map((l) => (
            <SelectOption key={l} value={l}>
              {t(`lifecycles.${l}`)}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      {statusOrLifecycleChanged && (
        <FormField invalid={Boolean(shown.effectiveDate)}>
          <FormLabel htmlFor="field-effectiveDate">{label(original ? 'effectiveDate' : 'inUseSince')}</FormLabel>
          <FormFieldDescription id="field-effectiveDate-hint">{t('application.hints.effectiveDate')}</FormFieldDescription>
          {error('effectiveDate')}
          <Textbox
            id="field-effectiveDate"
            type="date"
            max={todayIso()}
            value={values.effectiveDate}
            invalid={Boolean(shown.effectiveDate)}
            aria-invalid={Boolean(shown.effectiveDate) || undefined}
            aria-describedby={describedBy('effectiveDate', true)}
            onChange={(e) => set('effectiveDate', e.target.value)}
          />
        </FormField>
      )}
      {text('plannedReplacementYear', { inputMode: 'numeric', hint: true })}
      {text('annualCost', { inputMode: 'decimal' })}
      <Fieldset>
        <FieldsetLegend>{label('criteria')}</FieldsetLegend>
        {CRITERIA.map((c) => (
          <div key={c}>
            <Checkbox
              id={`field-criteria-${c}`}
              checked={values.criteria[c] === true}
              onChange={(e) => set('criteria', { ...values.criteria, [c]: e.target.checked })}
            />{' '}
            <FormLabel htmlFor={`field-criteria-${c}`} type="checkbox">
              {t(`criteria.${c}`)}
            </FormLabel>
          </div>
        ))}
      </Fieldset>
      <FormField invalid={Boolean(shown.notes)}>
        <FormLabel htmlFor="field-notes">{label('notes')}</FormLabel>
        {error('notes')}
        <Textarea id="field-notes" value={values.notes} aria-describedby={describedBy('notes')} onChange={(e) => set('notes', e.target.value)} />
      </FormField>
      </fieldset>
      {!readOnly && (
        <ButtonGroup>
          <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
            {original ? t('application.save') : t('application.create')}
          </Button>
          {extraActions}
        </ButtonGroup>
      )}
    </form>
  );
}
