import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup, Checkbox, Fieldset, FieldsetLegend, FormField, FormFieldErrorMessage, FormLabel, Textarea } from '@utrecht/component-library-react';
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
import { MultiCombobox } from '../../../components/ui/multi-combobox.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useFormErrors } from '../../../lib/use-form-errors.ts';
import type { FieldErrors } from '../../../lib/field-errors.ts';
import { emptyValues, toCreateInput, toUpdateInput, valuesOf, type FormValues } from './application-form-values.ts';
import { ApplicationPicker } from './application-picker.tsx';
import { CommonGroundNudge } from './common-ground-nudge.tsx';
import { EffectiveDateField } from './effective-date-field.tsx';
import { useReferenceComponentChoices } from './reference-component-choices.ts';

type Props = {
  municipalityCode: string;
  original: Application | null;
  referenceComponents: readonly ReferenceComponent[];
  serverErrors: FieldErrors;
  busy: boolean;
  onCreate: (input: CreateApplicationInput) => void;
  onUpdate: (input: UpdateApplicationInput) => void;
  extraActions?: ReactNode;
};

/** Fields in the order the form shows them, which is also the order of the error summary. */
const FIELD_ORDER = ['name', 'vendor', 'product', 'version', 'referenceComponentIds', 'layer', 'status', 'lifecycle', 'effectiveDate',
  'plannedReplacementYear', 'annualCost', 'criteria', 'replacedBy', 'notes', 'inUseSince', '_form'] as const;
const fieldId = (field: string) => `field-${field}`;

export function ApplicationForm({ municipalityCode, original, referenceComponents, serverErrors, busy, onCreate, onUpdate, extraActions }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<FormValues>(() => (original ? valuesOf(original, todayIso()) : emptyValues(todayIso())));
  const { shown, summary, submit: check } = useFormErrors(serverErrors);
  const referenceChoices = useReferenceComponentChoices(referenceComponents);

  // A newer version (after a save, or after someone else's change) replaces what the form shows.
  useEffect(() => {
    if (original) setValues(valuesOf(original, todayIso()));
  }, [original]);

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const statusOrLifecycleChanged = !original || values.status !== original.status || values.lifecycle !== original.lifecycle;
  const label = (field: string) => t(`application.fields.${field}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (original) check(updateApplicationSchema, toUpdateInput(values, original), onUpdate);
    else check(createApplicationSchema, toCreateInput(values), onCreate);
  };

  const text = (field: 'name' | 'vendor' | 'product' | 'version' | 'plannedReplacementYear' | 'annualCost', extra: { inputMode?: 'numeric' | 'decimal'; hint?: boolean; required?: boolean } = {}) => (
    <TextField
      id={fieldId(field)}
      label={label(field)}
      hint={extra.hint ? t(`application.hints.${field}`) : undefined}
      error={shown[field]}
      value={values[field]}
      inputMode={extra.inputMode}
      required={extra.required}
      onChange={(v) => set(field, v)}
    />
  );

  const choice = <V extends string>(field: 'layer' | 'status' | 'lifecycle', options: readonly { value: V; label: string }[]) => (
    <SelectField<V>
      id={fieldId(field)}
      label={label(field)}
      error={shown[field]}
      value={values[field] as V}
      options={options}
      onChange={(v) => set(field, v as FormValues[typeof field])}
    />
  );

  return (
    <form className="tm-form" onSubmit={submit} noValidate>
      <ErrorSummary ref={summary} heading={t('application.errorSummary')} items={summaryItems(FIELD_ORDER, shown, label, fieldId)} />
      {text('name', { required: true })}
      {text('vendor')}
      {text('product')}
      {text('version')}
      <MultiCombobox
        inputId={fieldId('referenceComponentIds')}
        label={label('referenceComponentIds')}
        hint={t('application.hints.referenceComponentIds')}
        error={shown.referenceComponentIds}
        choices={referenceChoices}
        value={values.referenceComponentIds}
        onChange={(ids) => set('referenceComponentIds', ids)}
      />
      {choice('layer', [{ value: '', label: t('application.noLayer') }, ...LAYERS.map((l) => ({ value: l, label: t(`layers.${l}`) }))])}
      {choice('status', STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })))}
      {values.status === 'compliant' && (
        <CommonGroundNudge
          plannedYear={values.plannedReplacementYear}
          criteriaTicked={CRITERIA.some((c) => values.criteria[c])}
          criteriaHref={`#${fieldId(`criteria-${CRITERIA[0]}`)}`}
          onClearYear={() => {
            set('plannedReplacementYear', '');
            // The offer is gone with the year; the emptied field shows what happened.
            requestAnimationFrame(() => document.getElementById(fieldId('plannedReplacementYear'))?.focus());
          }}
        />
      )}
      {choice('lifecycle', LIFECYCLES.map((l) => ({ value: l, label: t(`lifecycles.${l}`) })))}
      {statusOrLifecycleChanged && (
        <EffectiveDateField
          id={fieldId('effectiveDate')}
          label={label(original ? 'effectiveDate' : 'inUseSince')}
          error={shown.effectiveDate}
          value={values.effectiveDate}
          onChange={(v) => set('effectiveDate', v)}
        />
      )}
      {text('plannedReplacementYear', { inputMode: 'numeric', hint: true })}
      {text('annualCost', { inputMode: 'decimal' })}
      <Fieldset id={fieldId('criteria')}>
        <FieldsetLegend>{label('criteria')}</FieldsetLegend>
        {shown.criteria && <FormFieldErrorMessage id={`${fieldId('criteria')}-error`}>{shown.criteria}</FormFieldErrorMessage>}
        {CRITERIA.map((c) => (
          <FormField key={c} type="checkbox">
            <Checkbox
              id={fieldId(`criteria-${c}`)}
              checked={values.criteria[c] === true}
              onChange={(e) => set('criteria', { ...values.criteria, [c]: e.target.checked })}
            />{' '}
            <FormLabel htmlFor={fieldId(`criteria-${c}`)} type="checkbox">
              {t(`criteria.${c}`)}
            </FormLabel>
          </FormField>
        ))}
      </Fieldset>
      {original && (
        <ApplicationPicker
          inputId={fieldId('replacedBy')}
          municipalityCode={municipalityCode}
          excludeId={original.id}
          label={label('replacedBy')}
          hint={t('successor.hint')}
          error={shown.replacedBy}
          value={values.replacedBy}
          onChange={(id) => set('replacedBy', id)}
        />
      )}
      <FormField invalid={Boolean(shown.notes)}>
        <FormLabel htmlFor={fieldId('notes')}>{label('notes')}</FormLabel>
        {shown.notes && <FormFieldErrorMessage id={`${fieldId('notes')}-error`}>{shown.notes}</FormFieldErrorMessage>}
        <Textarea
          id={fieldId('notes')}
          value={values.notes}
          aria-describedby={shown.notes ? `${fieldId('notes')}-error` : undefined}
          onChange={(e) => set('notes', e.target.value)}
        />
      </FormField>
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy}>
          {original ? t('application.save') : t('application.create')}
        </Button>
        {extraActions}
      </ButtonGroup>
    </form>
  );
}
