import { useId, useMemo, useState, type KeyboardEvent } from 'react';

type Options<T> = {
  suggest: (query: string) => T[];
  onChoose: (item: T) => void;
  /** For suggestions that come from elsewhere (a search on the server): told each time the text changes. */
  onQueryChange?: (query: string) => void;
};

/**
 * The keyboard and ARIA behaviour of a text box that suggests items as one types (WAI-ARIA combobox with a
 * listbox popup): arrows move through the suggestions, Enter takes the highlighted one (or the first), Escape closes
 * the list, or empties the box when the list is closed. An Escape used here goes no further, so a dialog around
 * the box stays open.
 */
export function useCombobox<T>({ suggest, onChoose, onQueryChange }: Options<T>) {
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const suggestions = useMemo(() => suggest(query), [suggest, query]);
  const expanded = open && query.trim().length > 0;

  const changeQuery = (text: string) => {
    setQuery(text);
    onQueryChange?.(text);
  };

  const choose = (item: T) => {
    changeQuery('');
    setOpen(false);
    setActive(-1);
    onChoose(item);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => Math.min(i + 1, suggestions.length - 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Escape' && (expanded || query)) {
      event.preventDefault();
      if (expanded) setOpen(false);
      else changeQuery('');
      setActive(-1);
    } else if (event.key === 'Enter') {
      const chosen = suggestions[active] ?? suggestions[0];
      // Enter without a suggestion falls through, so a form can still be submitted from here.
      if (chosen) {
        event.preventDefault();
        choose(chosen);
      }
    }
  };

  return {
    id,
    listId,
    optionId,
    query,
    suggestions,
    expanded,
    active,
    choose,
    inputProps: {
      id: `${id}-input`,
      role: 'combobox',
      autoComplete: 'off',
      'aria-autocomplete': 'list' as const,
      'aria-expanded': expanded,
      'aria-controls': listId,
      'aria-activedescendant': expanded && active >= 0 ? optionId(active) : undefined,
      value: query,
      onChange: (event: { target: { value: string } }) => {
        changeQuery(event.target.value);
        setOpen(true);
        setActive(-1);
      },
      onKeyDown,
      onBlur: () => setOpen(false),
    },
  };
}
