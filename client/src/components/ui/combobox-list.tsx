import type { ReactNode } from 'react';
import type { useCombobox } from '../../lib/use-combobox.ts';

type Props<T> = {
  box: ReturnType<typeof useCombobox<T>>;
  label: string;
  noResults: string;
  keyOf: (item: T) => string;
  children: (item: T) => ReactNode;
};

/** The popup list of a combobox; an option is taken on mouse down, before the text box's blur closes the list. */
export function ComboboxList<T>({ box, label, noResults, keyOf, children }: Props<T>) {
  return (
    <ul id={box.listId} role="listbox" aria-label={label} className="tm-search__list" hidden={!box.expanded}>
      {box.suggestions.map((item, i) => (
        <li
          key={keyOf(item)}
          id={box.optionId(i)}
          role="option"
          aria-selected={i === box.active}
          className="tm-search__option"
          onMouseDown={(e) => {
            e.preventDefault();
            box.choose(item);
          }}
        >
          {children(item)}
        </li>
      ))}
      {box.expanded && box.suggestions.length === 0 && (
        <li role="option" aria-selected={false} aria-disabled="true" className="tm-search__option tm-muted">
          {noResults}
        </li>
      )}
    </ul>
  );
}
