import { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { CsvColumn } from '../../lib/csv.ts';
import { type Formatters, useFormat } from '../../lib/format.ts';
import { AppLink } from '../ui/router-link.tsx';
import { CaptionedTable } from '../ui/captioned-table.tsx';

type Column<T> = CsvColumn<T> & {
  display?: (row: T) => string;
  /** Right-aligned; a number without `display` is written the language's way ("1.234"), while its CSV keeps 1234. */
  numeric?: boolean;
  /** The language of a cell that is not in the page's, such as a message the server wrote in English. */
  lang?: (row: T) => string | undefined;
  /** Where the cell leads: a group's row opens that group's dashboard. */
  link?: (row: T) => string | undefined;
};

function text<T>(column: Column<T>, row: T, f: Formatters): string {
  if (column.display) return column.display(row);
  const value = column.value(row);
  if (typeof value === 'number' && column.numeric) return Number.isInteger(value) ? f.integer(value) : f.decimal(value);
  return String(value ?? '');
}

function shown<T>(column: Column<T>, row: T, f: Formatters) {
  const href = column.link?.(row);
  return href === undefined ? text(column, row, f) : <AppLink href={href}>{text(column, row, f)}</AppLink>;
}

/** The table alternative of a chart (the chart's own rows, displayed formatted), or any small table of plain rows. */
export function DataTable<T>({ caption, rows, columns }: { caption: string; rows: readonly T[]; columns: readonly Column<T>[] }) {
  const f = useFormat();
  return (
    <CaptionedTable caption={caption} headings={columns.map((c) => ({ label: c.header, numeric: c.numeric ?? false }))}>
      {rows.map((row, i) => (
        <TableRow key={i}>
          {columns.map((c, j) =>
            j === 0 ? (
              <TableHeaderCell key={c.header} scope="row">
                {shown(c, row, f)}
              </TableHeaderCell>
            ) : (
              <TableCell key={c.header} className={c.numeric ? 'tm-num' : undefined} lang={c.lang?.(row)}>
                {shown(c, row, f)}
              </TableCell>
            ),
          )}
        </TableRow>
      ))}
    </CaptionedTable>
  );
}

export type { Column };
