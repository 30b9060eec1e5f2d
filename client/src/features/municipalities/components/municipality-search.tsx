import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormLabel, Textbox } from '@utrecht/component-library-react';
import type { Municipality } from '@tm/shared/schemas/municipality';
import { useMunicipalities } from '../api/get-municipalities.ts';

const MAX_SUGGESTIONS = 8;

/** Names starting with the query first, then names containing it; accents and case do not matter. */
export function matchMunicipalities(items: readonly Municipality[], query: string): Municipality[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
  const q = fold(query.trim());
  if (!q) return [];
  const starts: Municipality[] = [];
  const contains: Municipality[] = [];
  for (const m of items) {
    const name = fold(m.name);
    if (name.startsWith(q) || m.code.toLowerCase() === q) starts.push(m);
    else if (name.includes(q)) contains.push(m);
  }
  const byName = (a: Municipality, b: Municipality) => a.name.localeCompare(b.name, 'nl');
  return [...starts.sort(byName), ...contains.sort(byName)].slice(0, MAX_SUGGESTIONS);
}

/** The header's search box: an ARIA combobox that opens a municipality's page. */
export function MunicipalitySearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data } = useMunicipalities();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const id = useId();
  const listId = `${id}-list`;
  const suggestions = useMemo(() => matchMunicipalities(data?.items ?? [], query), [data, query]);
  const expanded = open && query.trim().length > 0;

  const choose = (m: Municipality) => {
    setQuery('');
    setOpen(false);
    setActive(-1);
    void navigate(`/gemeenten/${m.code}`);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, suggestions.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    } else if (event.key === 'Enter') {
      const chosen = suggestions[active] ?? suggestions[0];
      if (chosen) {
        event.preventDefault();
        choose(chosen);
      }
    }
  };

  return (
    <div role="search" className="tm-search">
      <FormLabel htmlFor={`${id}-input`}>{t('app.search.label')}</FormLabel>
      <div className="tm-search__box">
        <Textbox
          id={`${id}-input`}
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${id}-option-${active}` : undefined}
          placeholder={t('app.search.placeholder')}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <ul id={listId} role="listbox" aria-label={t('app.search.label')} className="tm-search__list" hidden={!expanded}>
          {suggestions.map((m, i) => (
            <li
              key={m.code}
              id={`${id}-option-${i}`}
              role="option"
              aria-selected={i === active}
              className="tm-search__option"
              // Chosen on mouse down, before the input's blur closes the list.
              onMouseDown={(e) => {
                e.preventDefault();
                choose(m);
              }}
            >
              {m.name} <span className="tm-muted">{m.province}</span>
            </li>
          ))}
          {expanded && suggestions.length === 0 && (
            <li role="option" aria-selected={false} aria-disabled="true" className="tm-search__option tm-muted">
              {t('app.search.noResults')}
            </li>
          )}
        </ul>
      </div>
      <p className="tm-visually-hidden" aria-live="polite">
        {expanded ? (suggestions.length ? t('app.search.results', { count: suggestions.length }) : t('app.search.noResults')) : ''}
      </p>
    </div>
  );
}
