import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { CsvColumn } from '../../lib/csv.ts';
import { TableScroll } from '../ui/table-scroll.tsx';

type Column<T> = CsvColumn<T> & {
  display?: (row: T) => string;
  numeric?: boolean;
  /** The language of a cell that is not in the page's, such as a message the server wrote in English. */
  lang?: (row: T) => string | undefined;
};

/** The table alternative of a chart (the chart's own rows, displayed formatted), or any small table of plain rows. */
export function DataTable<T>({ caption, rows, columns }: { caption: string; rows: readonly T[]; columns: readonly Column<T>[] }) {
  return (
    <TableScroll name={caption}>
      <Table className="tm-table tm-table--dense">
        <caption className="tm-visually-hidden">{caption}</caption>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell key={c.header} scope="col" className={c.numeric ? 'tm-num' : undefined}>
                {c.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, i) => (
            <TableRow key={i}>
              {columns.map((c, j) =>
                j === 0 ? (
                  <TableHeaderCell key={c.header} scope="row">
                    {c.display ? c.display(row) : String(c.value(row) ?? '')}
                  </TableHeaderCell>
                ) : (
                  <TableCell key={c.header} className={c.numeric ? 'tm-num' : undefined} lang={c.lang?.(row)}>
                    {c.display ? c.display(row) : String(c.value(row) ?? '')}
                  </TableCell>
                ),
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}

export type { Column };
