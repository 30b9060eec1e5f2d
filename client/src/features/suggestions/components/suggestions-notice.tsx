import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading2 } from '@utrecht/component-library-react';
import { Skeleton } from '../../../components/ui/query-state.tsx';
import { StatusMessage } from '../../../components/ui/status-message.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useSuggestions } from '../api/get-suggestions.ts';

// Loaded when the editor opens it: with its forms comes every schema they check, which the page itself does not need.
const SuggestionsList = lazy(() => import('./suggestions-list.tsx').then((m) => ({ default: m.SuggestionsList })));

/**
 * A calm notice for the municipality's editors when applications depart from the verified judgement of the versions
 * they run (UI.md), opening the list to answer them. Nothing when there are none, or for readers who may not edit.
 */
export function SuggestionsNotice({ code, editable }: { code: string; editable: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  // Kept here, not in the list: accepting the last suggestion takes the list away, and the editor still hears what it did.
  const [message, setMessage] = useState<string | null>(null);
  const suggestions = useSuggestions(code, { enabled: editable });
  const total = suggestions.data?.total ?? 0;
  if (!editable) return null;
  const listId = `suggestions-${code}`;
  return (
    <>
      <StatusMessage message={message} />
      {total > 0 && (
        <section className="tm-suggestions" aria-labelledby={`${listId}-notice`}>
          <div className="tm-suggestions__notice">
            {/* A heading, modest in size: what the list and its forms below belong to. */}
            <Heading2 id={`${listId}-notice`} className="tm-suggestions__heading">
              <span aria-hidden="true">ℹ︎ </span>
              {t('suggestions.notice', { count: total, formatted: f.integer(total) })}
            </Heading2>
            <Button appearance="secondary-action-button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
              {t(open ? 'suggestions.close' : 'suggestions.open')}
            </Button>
          </div>
          <div id={listId} hidden={!open}>
            {open && suggestions.data && (
              <Suspense fallback={<Skeleton lines={4} />}>
                <SuggestionsList code={code} rows={suggestions.data.items} onAnswered={setMessage} />
              </Suspense>
            )}
          </div>
        </section>
      )}
    </>
  );
}
