import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField, FormLabel, Textbox } from '@utrecht/component-library-react';
import type { ApplicationListQuery } from '@tm/shared/schemas/application';
import { LAYERS, LIFECYCLES, MISSING_FIELDS, STATUSES } from '@tm/shared/vocabulary/application';
import type { ListFilterKey } from '../hooks/use-inventory-params.ts';

type Props = {
  query: ApplicationListQuery;
  onSearch: (q: string) => void;
  onFilter: (key: ListFilterKey, values: readonly string[]) => void;
  onClear: () => void;
};

function ChipGroup({ legend, name, options, selected, label, onChange }: {
  legend: string;
  name: ListFilterKey;
  options: readonly string[];
  selected: readonly string[];
  label: (value: string) => string;
  onChange: (values: string[]) => void;
}) {
  return (
    <fieldset className="tm-chips">
      <legend>{legend}</legend>
      {options.map((value) => {
        const checked = selected.includes(value);
        return (
          <label key={value} className="tm-chip">
            <input
              type="checkbox"
              name={name}
              value={value}
              checked={checked}
              onChange={() => onChange(checked ? selected.filter((v) => v !== value) : [...selected, value])}
            />
            {label(value)}
          </label>
        );
      })}
    </fieldset>
  );
}

export function InventoryFilters({ query, onSearch, onFilter, onClear }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(query.q ?? '');
  // The address may change under us (back button, cleared filters); the box follows it.
  useEffect(() => setText(query.q ?? ''), [query.q]);
  // Typing is debounced so every keystroke does not become a request and a history entry.
  useEffect(() => {
    if (text === (query.q ?? '')) return;
    const timer = setTimeout(() => onSearch(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text, query.q, onSearch]);

  const any = Boolean(query.q || query.status || query.layer || query.lifecycle || query.missing);
  const active = [query.status, query.layer, query.lifecycle, query.missing].reduce((n, values) => n + (values?.length ?? 0), 0);
  // On a narrow screen the chips stay folded away until asked for, so the first rows show on the first screen.
  const [unfolded, setUnfolded] = useState(false);
  return (
    <section className="tm-filters" aria-label={t('inventory.filters')}>
      <div className="tm-filters__search">
        <FormField>
          <FormLabel htmlFor="inventory-search">{t('inventory.search')}</FormLabel>
          <Textbox id="inventory-search" type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </FormField>
        <Button appearance="secondary-action-button" className="tm-filters__toggle" aria-expanded={unfolded} aria-controls="inventory-filter-chips" onClick={() => setUnfolded(!unfolded)}>
          {t(unfolded ? 'inventoryFilters.hide' : 'inventoryFilters.show', { count: active })}
        </Button>
      </div>
      <div id="inventory-filter-chips" className="tm-filters__chips" data-unfolded={unfolded}>
        <ChipGroup legend={t('inventory.filterStatus')} name="status" options={STATUSES} selected={query.status ?? []}
          label={(v) => t(`statuses.${v}`)} onChange={(v) => onFilter('status', v)} />
        <ChipGroup legend={t('inventory.filterLayer')} name="layer" options={LAYERS} selected={query.layer ?? []}
          label={(v) => t(`layers.${v}`)} onChange={(v) => onFilter('layer', v)} />
        <ChipGroup legend={t('inventory.filterLifecycle')} name="lifecycle" options={LIFECYCLES} selected={query.lifecycle ?? []}
          label={(v) => t(`lifecycles.${v}`)} onChange={(v) => onFilter('lifecycle', v)} />
        <ChipGroup legend={t('inventory.filterMissing')} name="missing" options={MISSING_FIELDS} selected={query.missing ?? []}
          label={(v) => t(`missing.${v}`)} onChange={(v) => onFilter('missing', v)} />
      </div>
      {any && (
        <div>
          <Button appearance="subtle-button" onClick={onClear}>
            {t('inventory.clearFilters')}
          </Button>
        </div>
      )}
    </section>
  );
}
