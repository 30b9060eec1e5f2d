import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Textbox } from '@utrecht/component-library-react';
import { ComboboxList } from './combobox-list.tsx';
import { matchNames } from '../../lib/match-names.ts';
import { useCombobox } from '../../lib/use-combobox.ts';

export type Choice = { value: string; label: string; description?: string };

/** Suggestions found elsewhere (a search on the server) instead of among `choices`. */
export type ChoiceSearch = { results: readonly Choice[]; loading: boolean; onQuery: (query: string) => void };

type Props = {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** Every choice when they are few enough to match here; with `search`, at least the chosen ones (for their names). */
  choices: readonly Choice[];
  search?: ChoiceSearch | undefined;
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** How many may be chosen; once reached, the text box gives way until one is removed. */
  max?: number | undefined;
  /** The id of the text box, so an error summary can link to it. */
  inputId: string;
};

const MAX_SUGGESTIONS = 8;

/**
 * Choices out of a long list, by typing (WAI-ARIA combobox): the chosen ones stand above the box as tags, each with
 * its own remove button, and every change is announced. Works with the keyboard alone.
 */
export function MultiCombobox({ label, hint, error, choices, search, value, onChange, max, inputId }: Props) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const byValue = useMemo(() => new Map([...choices, ...(search?.results ?? [])].map((c) => [c.value, c])), [choices, search?.results]);
  const open = useMemo(() => choices.filter((c) => !value.includes(c.value)), [choices, value]);
  const results = search?.results;
  const suggest = useCallback(
    (query: string) =>
      results ? results.filter((c) => !value.includes(c.value)) : matchNames(open, query, (c) => c.label, (c) => c.value, MAX_SUGGESTIONS),
    [results, open, value],
  );
  const nameOf = (v: string) => byValue.get(v)?.label ?? t('picker.unknown');
  const box = useCombobox({
    suggest,
    onQueryChange: search?.onQuery,
    onChoose: (choice: Choice) => {
      onChange([...value, choice.value]);
      setAnnouncement(t('picker.added', { name: choice.label }));
      // With the last one chosen the text box is gone: focus goes to the new tag's remove button.
      if (max !== undefined && value.length + 1 >= max) requestAnimationFrame(() => document.getElementById(`${inputId}-remove-${choice.value}`)?.focus());
    },
  });
  const remove = (v: string) => {
    onChange(value.filter((x) => x !== v));
    setAnnouncement(t('picker.removed', { name: nameOf(v) }));
    requestAnimationFrame(() => document.getElementById(inputId)?.focus());
  };
  const full = max !== undefined && value.length >= max;
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : '', `${inputId}-chosen`].filter(Boolean).join(' ');

  return (
    <FormField invalid={Boolean(error)}>
      <FormLabel htmlFor={full ? undefined : inputId} id={`${inputId}-label`}>
        {label}
      </FormLabel>
      {hint && <FormFieldDescription id={hintId}>{hint}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
      <p id={`${inputId}-chosen`} className="tm-visually-hidden">
        {value.length ? t('picker.chosen', { names: value.map(nameOf).join(', ') }) : t('picker.noneChosen')}
      </p>
      {value.length > 0 && (
        <ul className="tm-picked" aria-label={t('picker.chosenList', { label })}>
          {value.map((v) => (
            <li key={v} className="tm-picked__item">
              <span>{nameOf(v)}</span>
              <Button id={`${inputId}-remove-${v}`} type="button" appearance="subtle-button" className="tm-picked__remove" onClick={() => remove(v)}>
                <span aria-hidden="true">×</span>
                <span className="tm-visually-hidden">{t('picker.remove', { name: nameOf(v) })}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      {!full && (
        <div className="tm-search__box">
          <Textbox
            {...box.inputProps}
            id={inputId}
            invalid={Boolean(error)}
            aria-invalid={Boolean(error) || undefined}
            aria-describedby={describedBy}
            placeholder={t('picker.placeholder')}
          />
          <ComboboxList box={box} label={label} noResults={search?.loading ? t('states.loading') : t('picker.noResults')} keyOf={(c) => c.value}>
            {(c) => (
              <>
                {c.label} {c.description && <span className="tm-muted">{c.description}</span>}
              </>
            )}
          </ComboboxList>
        </div>
      )}
      <p className="tm-visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </FormField>
  );
}
