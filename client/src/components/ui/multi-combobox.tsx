import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField, FormFieldDescription, FormFieldErrorMessage, FormLabel, Textbox } from '@utrecht/component-library-react';
import { ComboboxList } from './combobox-list.tsx';
import { matchNames } from '../../lib/match-names.ts';
import { useCombobox } from '../../lib/use-combobox.ts';

export type Choice = { value: string; label: string; description?: string };

type Props = {
  label: string;
  hint?: string;
  error?: string | undefined;
  choices: readonly Choice[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  /** The id of the text box, so an error summary can link to it. */
  inputId: string;
};

const MAX_SUGGESTIONS = 8;

/**
 * Several choices out of a long list, by typing: the chosen ones stand above the box, each with its own remove
 * button, and every change is announced. Works with the keyboard alone.
 */
export function MultiCombobox({ label, hint, error, choices, value, onChange, inputId }: Props) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  const byValue = useMemo(() => new Map(choices.map((c) => [c.value, c])), [choices]);
  const open = useMemo(() => choices.filter((c) => !value.includes(c.value)), [choices, value]);
  const suggest = useCallback((query: string) => matchNames(open, query, (c) => c.label, (c) => c.value, MAX_SUGGESTIONS), [open]);
  const box = useCombobox({
    suggest,
    onChoose: (choice: Choice) => {
      onChange([...value, choice.value]);
      setAnnouncement(t('picker.added', { name: choice.label }));
    },
  });
  const remove = (v: string) => {
    onChange(value.filter((x) => x !== v));
    setAnnouncement(t('picker.removed', { name: byValue.get(v)?.label ?? v }));
    document.getElementById(inputId)?.focus();
  };
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : '', `${inputId}-chosen`].filter(Boolean).join(' ');

  return (
    <FormField invalid={Boolean(error)}>
      <FormLabel htmlFor={inputId}>{label}</FormLabel>
      {hint && <FormFieldDescription id={hintId}>{hint}</FormFieldDescription>}
      {error && <FormFieldErrorMessage id={errorId}>{error}</FormFieldErrorMessage>}
      <p id={`${inputId}-chosen`} className="tm-visually-hidden">
        {value.length ? t('picker.chosen', { names: value.map((v) => byValue.get(v)?.label ?? v).join(', ') }) : t('picker.noneChosen')}
      </p>
      {value.length > 0 && (
        <ul className="tm-picked" aria-label={t('picker.chosenList', { label })}>
          {value.map((v) => (
            <li key={v} className="tm-picked__item">
              <span>{byValue.get(v)?.label ?? v}</span>
              <Button type="button" appearance="subtle-button" className="tm-picked__remove" onClick={() => remove(v)}>
                <span aria-hidden="true">×</span>
                <span className="tm-visually-hidden">{t('picker.remove', { name: byValue.get(v)?.label ?? v })}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="tm-search__box">
        <Textbox
          {...box.inputProps}
          id={inputId}
          invalid={Boolean(error)}
          aria-invalid={Boolean(error) || undefined}
          aria-describedby={describedBy}
          placeholder={t('picker.placeholder')}
        />
        <ComboboxList box={box} label={label} noResults={t('picker.noResults')} keyOf={(c) => c.value}>
          {(c) => (
            <>
              {c.label} {c.description && <span className="tm-muted">{c.description}</span>}
            </>
          )}
        </ComboboxList>
      </div>
      <p className="tm-visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </FormField>
  );
}
