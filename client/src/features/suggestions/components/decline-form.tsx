import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { declineSuggestionSchema, type Suggestion } from '@tm/shared/schemas/suggestion';
import { ErrorSummary, summaryItems } from '../../../components/ui/error-summary.tsx';
import { TextAreaField } from '../../../components/ui/text-area-field.tsx';
import { useFormErrors } from '../../../lib/use-form-errors.ts';
import type { FieldErrors } from '../../../lib/field-errors.ts';

type Props = {
  row: Suggestion;
  serverErrors: FieldErrors;
  busy: boolean;
  onDecline: (reason: string) => void;
  onCancel: () => void;
};

/** Why this municipality keeps its own status: the steward reads the reason as a sign the verdict may be wrong. */
export function DeclineForm({ row, serverErrors, busy, onDecline, onCancel }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const { shown, summary, submit: check } = useFormErrors(serverErrors);
  const id = `decline-${row.applicationId}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    check(declineSuggestionSchema, { applicationId: row.applicationId, assessmentId: row.assessmentId, reason }, (data) => onDecline(data.reason));
  };
  return (
    <form className="tm-form" onSubmit={submit} noValidate aria-label={t('suggestions.decline.title', { name: row.applicationName })}>
      <ErrorSummary ref={summary} heading={t('suggestions.decline.errorSummary')} items={summaryItems(['reason'], shown, () => t('suggestions.decline.reason'), () => `${id}-reason`)} />
      <TextAreaField
        id={`${id}-reason`}
        label={t('suggestions.decline.reason')}
        hint={t('suggestions.decline.hint')}
        error={shown.reason}
        required
        value={reason}
        onChange={setReason}
      />
      <ButtonGroup>
        <Button type="submit" appearance="primary-action-button" busy={busy} disabled={busy}>
          {t('suggestions.decline.submit')}
        </Button>
        <Button type="button" appearance="secondary-action-button" onClick={onCancel}>
          {t('suggestions.cancel')}
        </Button>
      </ButtonGroup>
    </form>
  );
}
