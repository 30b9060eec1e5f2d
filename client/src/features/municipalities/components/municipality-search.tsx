import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormLabel, Textbox } from '@utrecht/component-library-react';
import type { Municipality } from '@tm/shared/schemas/municipality';
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
  const { data } = useMunicipalities();
  const items = data?.items;
  const suggest = useCallback((query: string) => matchMunicipalities(items ?? [], query), [items]);
  const box = useCombobox({ suggest, onChoose: (m: Municipality) => void navigate(`/gemeenten/${m.code}`) });

  return (
    <div role="search" className="tm-search">
      <FormLabel htmlFor={box.inputProps.id}>{t('app.search.label')}</FormLabel>
      <div className="tm-search__box">
        <Textbox {...box.inputProps} placeholder={t('app.search.placeholder')} />
        <ul id={box.listId} role="listbox" aria-label={t('app.search.label')} className="tm-search__list" hidden={!box.expanded}>
          {box.suggestions.map((m, i) => (
            <li
              key={m.code}
              id={box.optionId(i)}
              role="option"
              aria-selected={i === box.active}
              className="tm-search__option"
              // Chosen on mouse down, before the input's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                box.choose(m);
              }}
            >
              {m.name} <span className="tm-muted">{m.province}</span>
            </li>
          ))}
          {box.expanded && box.suggestions.length === 0 && (
            <li role="option" aria-selected={false} aria-disabled="true" className="tm-search__option tm-muted">
              {t('app.search.noResults')}
            </li>
          )}
        </ul>
      </div>
      <p className="tm-visually-hidden" aria-live="polite">
        {box.expanded ? (box.suggestions.length ? t('app.search.results', { count: box.suggestions.length }) : t('app.search.noResults')) : ''}
      </p>
    </div>
  );
}
