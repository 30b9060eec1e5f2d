import { useState, type FormEvent } from 'react';
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
  RadioButton,
  Textarea,
} from '@utrecht/component-library-react';
import { CRITERIA, type Criteria } from '@tm/shared/schemas/application';
import { createAssessmentSchema, VERDICTS, type AssessmentLevel, type CreateAssessmentInput, type Verdict } from '@tm/shared/schemas/assessment';
import { todayIso } from '@tm/shared/dates';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useFormErrors } from '../../../lib/use-form-errors.ts';
import { checkForm } from '../../../lib/validation.ts';
import type { FieldErrors } from '../../../lib/field-errors.ts';

type Props = {
  /** Makes the fields' ids unique when several versions' forms are open at once. */
  idPrefix: string;
  /** What the judgement will count as: the caller's role decides (an editor claims, a steward verifies). */
  level: AssessmentLevel;
  serverErrors: FieldErrors;
  busy: boolean;
  onSubmit: (input: CreateAssessmentInput) => void;
  onCancel: () => void;
};

const FIELD_ORDER = ['verdict', 'criteria', 'evidence', 'effectiveDate', '_form'] as const;

/** A judgement of one product version (PRODUCT §9) against the criteria of §2, with its evidence and from when it holds. */
export function AssessmentForm({ idPrefix, level, serverErrors, busy, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [criteria, setCriteria] = useState<Criteria>({});
  const [evidence, setEvidence] = useState('');
  const [effectiveDate, setEffectiveDate] = useState(todayIso());
  const { shown, summary, reject, clear } = useFormErrors(serverErrors);
  const fieldId = (field: string) => `${idPrefix}-${field}`;
  // The summary links to the first choice of the verdict: a fieldset itself takes no focus.
  const targetId = (field: string) => (field === 'verdict' ? fieldId(`verdict-${VERDICTS[0]}`) : fieldId(field));
  const label = (field: string) => t(`catalogue.assess.fields.${field}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Only what was ticked is said; an unticked criterion is not a judgement that it is unmet.
    const ticked = Object.fromEntries(Object.entries(criteria).filter(([, on]) => on));
    const checked = checkForm(createAssessmentSchema, { verdict: verdict ?? undefined, criteria: ticked, evidence, effectiveDate: effectiveDate || undefined });
    if (checked.data) {
      clear();
      return onSubmit(checked.data);
    }
    // The schema names the API's values (compliant, not_compliant); the reader chose between the words beside them.
    reject(checked.errors.verdict ? { ...checked.errors, verdict: t('catalogue.assess.chooseVerdict') } : checked.errors);
  };

  return (
    <form className="tm-form tm-form--narrow" onSubmit={submit} noValidate>
      <ErrorSummary ref={summary} heading={t('catalogue.assess.errorSummary')} items={summaryItems(FIELD_ORDER, shown, label, targetId)} />
      <Fieldset role="radiogroup" required invalid={Boolean(shown.verdict)} aria-describedby={shown.verdict ? `${fieldId('verdict')}-error` : undefined}>
        <FieldsetLegend>{label('verdict')}</FieldsetLegend>
        {shown.verdict && <FormFieldErrorMessage id={`${fieldId('verdict')}-error`}>{shown.verdict}</FormFieldErrorMessage>}
        {VERDICTS.map((v) => (
          <FormField key={v} type="radio">
            <RadioButton
              id={fieldId(`verdict-${v}`)}
              name={fieldId('verdict')}
              value={v}
              checked={verdict === v}
              invalid={Boolean(shown.verdict)}
              onChange={() => setVerdict(v)}
            />{' '}
            <FormLabel htmlFor={fieldId(`verdict-${v}`)} type="radio">
              {t(`catalogue.assess.verdicts.${v}`)}
            </FormLabel>
          </FormField>
        ))}
      </Fieldset>
      <Fieldset aria-describedby={`${fieldId('criteria')}-hint`}>
        <FieldsetLegend>{label('criteria')}</FieldsetLegend>
        <FormFieldDescription id={`${fieldId('criteria')}-hint`}>{t('catalogue.assess.hints.criteria')}</FormFieldDescription>
        {shown.criteria && <FormFieldErrorMessage id={`${fieldId('criteria')}-error`}>{shown.criteria}</FormFieldErrorMessage>}
        {CRITERIA.map((c) => (
          <FormField key={c} type="checkbox">
            <Checkbox id={fieldId(`criteria-${c}`)} checked={criteria[c] === true} onChange={(e) => setCriteria({ ...criteria, [c]: e.target.checked })} />{' '}
            <FormLabel htmlFor={fieldId(`criteria-${c}`)} type="checkbox">
              {t(`criteria.${c}`)}
            </FormLabel>
          </FormField>
        ))}
      </Fieldset>
      <FormField invalid={Boolean(shown.evidence)}>
        <FormLabel htmlFor={fieldId('evidence')}>{label('evidence')}</FormLabel>
        <FormFieldDescription id={`${fieldId('evidence')}-hint`}>{t('catalogue.assess.hints.evidence')}</FormFieldDescription>
        {shown.evidence && <FormFieldErrorMessage id={`${fieldId('evidence')}-error`}>{shown.evidence}</FormFieldErrorMessage>}
        <Textarea
          id={fieldId('evidence')}
          value={evidence}
          required
          aria-required
          invalid={Boolean(shown.evidence)}
          aria-invalid={Boolean(shown.evidence) || undefined}
          aria-describedby={[`${fieldId('evidence')}-hint`, shown.evidence ? `${fieldId('evidence')}-error` : ''].filter(Boolean).join(' ')}
          onChange={(e) => setEvidence(e.target.value)}
        />
      </FormField>
      <TextField
        id={fieldId('effectiveDate')}
        label={label('effectiveDate')}
        hint={t('catalogue.assess.hints.effectiveDate')}
        error={shown.effectiveDate}
        type="date"
        max={todayIso()}
        value={effectiveDate}
        onChange={setEffectiveDate}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t(`catalogue.assess.submit.${level}`)}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('catalogue.assess.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
