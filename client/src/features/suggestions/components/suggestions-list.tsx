import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { todayIso } from '@tm/shared/dates';
import type { Suggestion } from '@tm/shared/schemas/suggestion';
import { TextField } from '../../../components/ui/text-field.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useServerErrors } from '../../../lib/use-form-errors.ts';
import { useAcceptSuggestions, useDeclineSuggestion } from '../api/answer-suggestions.ts';
import { DeclineForm } from './decline-form.tsx';
import { AnswerError } from './stale-notice.tsx';
import { SuggestionsTable } from './suggestions-table.tsx';

type Props = {
  code: string;
  rows: readonly Suggestion[];
  /** Says what an answer did, in words for the status region that outlives the list. */
  onAnswered: (message: string | null) => void;
};

/**
 * The suggestions of one municipality (PRODUCT §9) and the editor's answers: accept all or one, each on its verdict's
 * own date unless the editor gives one, or decline one with a reason.
 */
export function SuggestionsList({ code, rows, onAnswered }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const accept = useAcceptSuggestions(code);
  const decline = useDeclineSuggestion(code);
  const declineErrors = useServerErrors(decline.error);
  const [date, setDate] = useState('');
  const [declining, setDeclining] = useState<Suggestion | null>(null);
  // What the last acceptance answered, in its order: a refusal names them by position.
  const [answered, setAnswered] = useState<readonly Suggestion[]>([]);

  const acceptRows = (chosen: readonly Suggestion[]) => {
    decline.reset();
    onAnswered(null);
    setAnswered(chosen);
    accept.mutate(
      { suggestions: chosen.map((r) => ({ applicationId: r.applicationId, assessmentId: r.assessmentId, updatedAt: r.updatedAt })), ...(date ? { effectiveDate: date } : {}) },
      { onSuccess: () => onAnswered(t('suggestions.accepted', { count: chosen.length, formatted: f.integer(chosen.length) })) },
    );
  };
  const acceptAll = (event: FormEvent) => {
    event.preventDefault();
    acceptRows(rows);
  };
  const declineForm = declining && (
    <DeclineForm
      key={declining.applicationId}
      row={declining}
      serverErrors={declineErrors.fields}
      busy={decline.isPending}
      onCancel={() => setDeclining(null)}
      onDecline={(reason) =>
        decline.mutate(
          { applicationId: declining.applicationId, assessmentId: declining.assessmentId, reason },
          {
            onSuccess: () => {
              onAnswered(t('suggestions.declined', { name: declining.applicationName }));
              setDeclining(null);
            },
          },
        )
      }
    />
  );

  return (
    <div className="tm-suggestions__list">
      <AnswerError error={accept.error ?? declineErrors.other} answered={accept.error ? answered : []} />
      <form className="tm-toolbar" onSubmit={acceptAll} aria-label={t('suggestions.acceptAllLabel')}>
        <TextField id={`suggestions-date-${code}`} label={t('suggestions.date')} hint={t('suggestions.dateHint')} type="date" max={todayIso()} value={date} onChange={setDate} />
        <Button type="submit" appearance="primary-action-button" busy={accept.isPending} disabled={accept.isPending}>
          {t('suggestions.acceptAll', { count: rows.length, formatted: f.integer(rows.length) })}
        </Button>
      </form>
      <Paragraph className="tm-muted">{t('suggestions.how')}</Paragraph>
      <SuggestionsTable
        rows={rows}
        caption={t('suggestions.caption')}
        busy={accept.isPending}
        onAccept={(r) => acceptRows([r])}
        declining={declining && declineForm ? { applicationId: declining.applicationId, form: declineForm } : null}
        onDecline={(r) => {
          decline.reset();
          setDeclining(declining?.applicationId === r.applicationId ? null : r);
        }}
      />
    </div>
  );
}
