import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph } from '@utrecht/component-library-react';
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
  const suggestions = useSuggestions(code, { enabled: editable });
  const total = suggestions.data?.total ?? 0;
  if (!editable || total === 0) return null;
  const listId = `suggestions-${code}`;
  return (
    <section className="tm-suggestions" aria-labelledby={`${listId}-notice`}>
      <Paragraph className="tm-suggestions__notice">
        <span aria-hidden="true">ℹ︎</span>
        <span id={`${listId}-notice`}>{t('suggestions.notice', { count: total, formatted: f.integer(total) })}</span>
        <Button appearance="secondary-action-button" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
          {t(open ? 'suggestions.close' : 'suggestions.open')}
        </Button>
      </Paragraph>
      <div id={listId} hidden={!open}>
        {open && suggestions.data && <SuggestionsList code={code} rows={suggestions.data.items} />}
      </div>
    </section>
  );
}
