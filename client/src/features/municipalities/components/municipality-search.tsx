import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormLabel, Textbox } from '@utrecht/component-library-react';
import type { Municipality } from '@tm/shared/schemas/municipality';
import { ComboboxList } from '../../../components/ui/combobox-list.tsx';
import { useInTurn } from '../../../components/ui/in-turn.tsx';
import { matchNames } from '../../../lib/match-names.ts';
import { useCombobox } from '../../../lib/use-combobox.ts';
import { useMunicipalities } from '../api/get-municipalities.ts';

const MAX_SUGGESTIONS = 8;

/** Names starting with the query first, then names containing it; accents and case do not matter. */
export function matchMunicipalities(items: readonly Municipality[], query: string): Municipality[] {
  return matchNames(items, query, (m) => m.name, (m) => m.code, MAX_SUGGESTIONS);
}

/** The header's search box: an ARIA combobox that opens a municipality's page. */
export function MunicipalitySearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // Asked for in a turn after the screen's first commit: the list serves the first letter typed, not the first view,
  // and its request and answer need not share the tasks in which the screen's own figures are asked for and drawn.
  const { data } = useMunicipalities({ enabled: useInTurn() });
  const items = data?.items;
  const suggest = useCallback((query: string) => matchMunicipalities(items ?? [], query), [items]);
  const box = useCombobox({ suggest, onChoose: (m: Municipality) => void navigate(`/gemeenten/${m.code}`) });

  return (
    <div role="search" className="tm-search">
      <FormLabel htmlFor={box.inputProps.id}>{t('app.search.label')}</FormLabel>
      <div className="tm-search__box">
        <Textbox {...box.inputProps} placeholder={t('app.search.placeholder')} />
        <ComboboxList box={box} label={t('app.search.label')} noResults={t('app.search.noResults')} keyOf={(m) => m.code}>
          {(m) => (
            <>
              {m.name} <span className="tm-muted">{m.province}</span>
            </>
          )}
        </ComboboxList>
      </div>
      <p className="tm-visually-hidden" aria-live="polite">
        {box.expanded ? (box.suggestions.length ? t('app.search.results', { count: box.suggestions.length }) : t('app.search.noResults')) : ''}
      </p>
    </div>
  );
}
