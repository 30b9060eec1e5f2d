import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Alert,
  Button,
  ButtonGroup,
  Checkbox,
  Fieldset,
  FieldsetLegend,
  FormField,
  FormLabel,
  Heading2,
  Paragraph,
  RadioButton,
  UnorderedList,
  UnorderedListItem,
} from '@utrecht/component-library-react';
import { LAYERS, LIFECYCLES, STATUSES } from '@tm/shared/schemas/application';
import { bulkChangesSchema, MAX_BULK_APPLICATIONS, REFERENCE_COMPONENT_MODES, type BulkChanges } from '@tm/shared/schemas/application-bulk-update';
import type { ReferenceComponent } from '@tm/shared/schemas/reference-component';
import { todayIso } from '@tm/shared/dates';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary.tsx';
import { MultiCombobox } from '../../../components/ui/multi-combobox.tsx';
import { MutationError } from '../../../components/ui/query-state.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useFormErrors } from '../../../lib/use-form-errors.ts';
import { message, translate } from '@tm/shared/messages/messages';
import { currentLanguage } from '../../../lib/i18n.ts';
import { checkForm } from '../../../lib/validation.ts';
import type { BulkRefusal } from '../hooks/use-bulk-edit.ts';
import { BulkConfirmDialog } from './bulk-confirm-dialog.tsx';
import { EffectiveDateField } from './effective-date-field.tsx';
import { useReferenceComponentChoices } from './reference-component-choices.ts';
import { datesAChange, emptyBulkValues, offersToClearYear, toBulkChanges, type BulkFormValues } from './bulk-edit-values.ts';

type Props = {
  selectedCount: number;
  referenceComponents: readonly ReferenceComponent[];
  /** How many applications match the filters, when all of them may be selected at once; else null. */
  selectableMatching: number | null;
  busy: boolean;
  onSelectAllMatching: () => void;
  onClear: () => void;
  onApply: (changes: BulkChanges) => void;
  /** The last update's refusal, naming the applications that stopped it. */
  refused?: BulkRefusal | null | undefined;
  /** The last update's failure when it names no application. */
  error?: unknown;
};

const FIELDS = ['status', 'layer', 'lifecycle', 'effectiveDate', 'plannedReplacementYear', 'referenceComponents', 'annualCost', '_form'] as const;
/** The form's fields named as the application's own, where the bulk body calls them otherwise. */
const LABEL_OF: Partial<Record<string, string>> = { referenceComponents: 'referenceComponentIds' };
const fieldId = (field: string) => `bulk-${field}`;
// Each refused application is named by the panel itself; the server's field errors have no field here.
const NO_SERVER_ERRORS = {};

/** Sets the same values on every selected row: chosen here, checked with the shared schema, confirmed, then sent. */
export function BulkEditPanel({ selectedCount, referenceComponents, selectableMatching, busy, onSelectAllMatching, onClear, onApply, refused, error }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [values, setValues] = useState<BulkFormValues>(() => emptyBulkValues(todayIso()));
  const { shown, summary, reject, clear } = useFormErrors(NO_SERVER_ERRORS);
  const [pending, setPending] = useState<BulkChanges | null>(null);
  const section = useRef<HTMLElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const set = <K extends keyof BulkFormValues>(key: K, value: BulkFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const label = (field: string) => t(`application.fields.${LABEL_OF[field] ?? field}`);
  const referenceChoices = useReferenceComponentChoices(referenceComponents);

  // When the selection empties (applied, or cleared here) the controls that had focus are gone: the heading takes it.
  const hadSelection = useRef(selectedCount > 0);
  useEffect(() => {
    const focused = document.activeElement;
    const lost = !focused || focused === document.body || section.current?.contains(focused);
    if (hadSelection.current && selectedCount === 0 && lost) heading.current?.focus();
    hadSelection.current = selectedCount > 0;
  }, [selectedCount]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkForm(bulkChangesSchema, toBulkChanges(values));
    const tooMany =
      selectedCount > MAX_BULK_APPLICATIONS
        ? { _form: translate(currentLanguage(), message('validation.tooManySelected', { max: f.integer(MAX_BULK_APPLICATIONS) })) }
        : null;
    if (checked.errors || tooMany) {
      const fields = checked.errors ?? {};
      // The schema's "nothing to change" reads, on this form, as a request to choose something.
      if (fields._form) fields._form = t('inventory.bulk.nothingChosen');
      return reject({ ...fields, ...tooMany });
    }
    clear();
    setPending(checked.data);
  };

  const choice = <V extends string>(field: 'status' | 'layer' | 'lifecycle', options: readonly { value: V; label: string }[]) => (
    <SelectField<V | ''>
      id={fieldId(field)}
      label={label(field)}
      error={shown[field]}
      value={values[field] as V | ''}
      options={[{ value: '', label: t('inventory.bulk.keep') }, ...options]}
      onChange={(v) => set(field, v as BulkFormValues[typeof field])}
    />
  );

  return (
    // Until a row is chosen the panel is one line, so on a phone the table's first rows show on the first screen.
    <section ref={section} className={selectedCount > 0 || refused || error ? 'tm-bulk' : 'tm-bulk tm-bulk--idle'} aria-labelledby="bulk-title">
      <Heading2 id="bulk-title" ref={heading} tabIndex={-1}>
        {t('inventory.bulk.title')}
      </Heading2>
      {refused ? (
        <Alert type="warning" role="alert">
          <Paragraph>{t(refused.changedSince ? 'inventory.bulk.changedSince' : 'inventory.bulk.notFound')}</Paragraph>
          <UnorderedList>
            {refused.names.map((n, i) => (
              <UnorderedListItem key={`${i}-${n}`}>{n}</UnorderedListItem>
            ))}
          </UnorderedList>
        </Alert>
      ) : (
        Boolean(error) && <MutationError error={error} />
      )}
      <div className="tm-actions">
        <Paragraph aria-live="polite">
          <strong>{t('inventory.bulk.selected', { count: selectedCount, formatted: f.integer(selectedCount) })}</strong>
        </Paragraph>
        {selectableMatching !== null && selectableMatching > selectedCount && (
          <Button appearance={selectedCount > 0 ? 'secondary-action-button' : 'subtle-button'} onClick={onSelectAllMatching}>
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
          <ErrorSummary ref={summary} heading={t('application.errorSummary')} items={summaryItems(FIELDS, shown, label, fieldId)} />
          <div className="tm-bulk__fields">
            {choice('status', STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) })))}
            {choice('layer', [...LAYERS.map((l) => ({ value: l, label: t(`layers.${l}`) })), { value: 'none' as const, label: t('inventory.bulk.noLayer') }])}
            {choice('lifecycle', LIFECYCLES.map((l) => ({ value: l, label: t(`lifecycles.${l}`) })))}
            {datesAChange(values) && (
              <EffectiveDateField id={fieldId('effectiveDate')} label={label('effectiveDate')} error={shown.effectiveDate} value={values.effectiveDate} onChange={(v) => set('effectiveDate', v)} />
            )}
            {offersToClearYear(values) && values.clearYear ? null : (
              <TextField
                id={fieldId('plannedReplacementYear')}
                label={label('plannedReplacementYear')}
                hint={t('inventory.bulk.yearHint')}
                error={shown.plannedReplacementYear}
                inputMode="numeric"
                value={values.plannedReplacementYear}
                onChange={(v) => set('plannedReplacementYear', v)}
              />
            )}
            {offersToClearYear(values) && (
              <FormField type="checkbox">
                <Checkbox id={fieldId('clearYear')} checked={values.clearYear} onChange={(e) => set('clearYear', e.target.checked)} />{' '}
                <FormLabel htmlFor={fieldId('clearYear')} type="checkbox">
                  {t('nudge.bulkClearYear')}
                </FormLabel>
              </FormField>
            )}
            <TextField
              id={fieldId('annualCost')}
              label={label('annualCost')}
              hint={t('inventory.bulk.costHint')}
              error={shown.annualCost}
              inputMode="decimal"
              value={values.annualCost}
              onChange={(v) => set('annualCost', v)}
            />
            <div className="tm-bulk__wide">
              <MultiCombobox
                inputId={fieldId('referenceComponents')}
                label={label('referenceComponents')}
                hint={t('inventory.bulk.referenceHint')}
                error={shown.referenceComponents}
                choices={referenceChoices}
                value={values.referenceComponentIds}
                onChange={(ids) => set('referenceComponentIds', ids)}
              />
              {values.referenceComponentIds.length > 0 && (
                <Fieldset>
                  <FieldsetLegend>{t('inventory.bulk.referenceMode')}</FieldsetLegend>
                  {REFERENCE_COMPONENT_MODES.map((mode) => (
                    <FormField key={mode} type="radio">
                      <RadioButton
                        id={fieldId(`referenceMode-${mode}`)}
                        name="bulk-reference-mode"
                        checked={values.referenceMode === mode}
                        onChange={() => set('referenceMode', mode)}
                      />{' '}
                      <FormLabel htmlFor={fieldId(`referenceMode-${mode}`)} type="radio">
                        {t(`inventory.bulk.referenceModes.${mode}`)}
                      </FormLabel>
                    </FormField>
                  ))}
                </Fieldset>
              )}
            </div>
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
          referenceComponents={referenceComponents}
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
