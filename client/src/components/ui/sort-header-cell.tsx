import { useTranslation } from 'react-i18next';
import { TableHeaderCell } from '@utrecht/component-library-react';

type Props = {
  label: string;
  /** Whether the table is sorted on this column, and which way. */
  active: boolean;
  descending: boolean;
  onSort: () => void;
  numeric?: boolean | undefined;
};

/**
 * A column header that sorts its table: a button in the header cell, the direction as `aria-sort` and in words for
 * screen readers, an arrow for the eye.
 */
export function SortHeaderCell({ label, active, descending, onSort, numeric }: Props) {
  const { t } = useTranslation();
  return (
    <TableHeaderCell scope="col" aria-sort={active ? (descending ? 'descending' : 'ascending') : 'none'} className={numeric ? 'tm-num' : undefined}>
      <button type="button" className="tm-sort" onClick={onSort}>
        {label}
        <span aria-hidden="true">{active ? (descending ? '▼' : '▲') : '↕'}</span>
        <span className="tm-visually-hidden">{active ? `, ${t(descending ? 'inventory.sortDescending' : 'inventory.sortAscending')}` : ''}</span>
      </button>
    </TableHeaderCell>
  );
}
