import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { ErrorState, Skeleton } from '../../../components/ui/query-state.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useSuggestions } from '../api/get-suggestions.ts';
import { SuggestionsList } from './suggestions-list.tsx';

/**
 * A calm notice for the municipality's editors when applications depart from the verified judgement of the versions
 * they run (UI.md), opening the list to answer them. Nothing when there are none, or for readers who may not edit.
 */
export function SuggestionsNotice({ code, editable }: { code: string; editable: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const { total, rows, suggestions, applications } = useSuggestions(code, { enabled: editable });
  if (!editable || total === 0) return null;
  const listId = `suggestions-${code}`;
  return (
    <section className="tm-suggestions" aria-labelledby={`${listId}-notice`}>
      <Paragraph id={`${listId}-notice`} className="tm-suggestions__notice">
        <span aria-hidden="true">ℹ︎ </span>
        {t('suggestions.notice', { count: total, formatted: f.integer(total) })}{' '}
        <Button appearance="secondary-action-button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          {t(open ? 'suggestions.close' : 'suggestions.open')}
        </Button>
      </Paragraph>
      <div id={listId} hidden={!open}>
        {!open ? null : applications.isError || suggestions.isError ? (
          <ErrorState error={applications.error ?? suggestions.error} onRetry={() => void Promise.all([suggestions.refetch(), applications.refetch()])} />
        ) : rows ? (
          <SuggestionsList code={code} rows={rows} />
        ) : (
          <Skeleton lines={4} />
        )}
      </div>
    </section>
  );
}
