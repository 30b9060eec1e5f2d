import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { CRITERIA, type Criteria } from '@tm/shared/schemas/application';
import { createAssessmentSchema, VERDICTS, type AssessmentLevel, type CreateAssessmentInput, type Verdict } from '@tm/shared/schemas/assessment';
import { todayIso } from '@tm/shared/dates';
import { CheckboxGroupField, firstChoiceId, RadioGroupField } from '../../../components/ui/choice-group.tsx';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary.tsx';
import { TextAreaField } from '../../../components/ui/text-area-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useFormErrors } from '../../../lib/use-form-errors.ts';
import { checkForm } from '../../../lib/validation.ts';
import type { FieldErrors } from '../../../lib/field-errors.ts';

type Criterion = keyof Criteria;

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
  const [criteria, setCriteria] = useState<Criterion[]>([]);
  const [evidence, setEvidence] = useState('');
  const [effectiveDate, setEffectiveDate] = useState(todayIso());
  const { shown, summary, reject, clear } = useFormErrors(serverErrors);
  const fieldId = (field: string) => `${idPrefix}-${field}`;
  const verdictChoices = VERDICTS.map((v) => ({ value: v, label: t(`catalogue.assess.verdicts.${v}`) }));
  // The summary links to the verdict's first choice: a fieldset itself takes no focus.
  const targetId = (field: string) => (field === 'verdict' ? firstChoiceId(fieldId('verdict'), verdictChoices) : fieldId(field));
  const label = (field: string) => t(`catalogue.assess.fields.${field}`);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Only what was ticked is said; an unticked criterion is not a judgement that it is unmet.
    const ticked = Object.fromEntries(criteria.map((c) => [c, true]));
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
      <RadioGroupField
        id={fieldId('verdict')}
        legend={label('verdict')}
        error={shown.verdict}
        choices={verdictChoices}
        value={verdict}
        onChange={setVerdict}
      />
      <CheckboxGroupField
        id={fieldId('criteria')}
        legend={label('criteria')}
        hint={t('catalogue.assess.hints.criteria')}
        error={shown.criteria}
        choices={CRITERIA.map((c) => ({ value: c, label: t(`criteria.${c}`) }))}
        value={criteria}
        onChange={setCriteria}
      />
      <TextAreaField
        id={fieldId('evidence')}
        label={label('evidence')}
        hint={t('catalogue.assess.hints.evidence')}
        error={shown.evidence}
        required
        value={evidence}
        onChange={setEvidence}
      />
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
