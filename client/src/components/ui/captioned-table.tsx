import type { ReactNode } from 'react';
import { Table, TableBody, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import { TableScroll } from './table-scroll.tsx';

/** A column's heading; a numeric column is right-aligned, heading and cells alike. `false` leaves a column out. */
export type Heading = { label: ReactNode; numeric?: boolean } | false;

type Props = {
  /** Names the table for screen readers (a caption they read, hidden on screen) and its scrolling frame. */
  caption: string;
  headings: readonly Heading[];
  /** The rows; a row's first cell is its heading (`<TableHeaderCell scope="row">`). */
  children: ReactNode;
  /** Rows of links and figures are dense; rows that hold forms and buttons are not. */
  dense?: boolean;
  maxBlockSize?: string;
};

/** A table of the app: in its scrolling frame, captioned, with a heading per column. */
export function CaptionedTable({ caption, headings, children, dense = true, maxBlockSize }: Props) {
  return (
    <TableScroll name={caption} {...(maxBlockSize ? { maxBlockSize } : {})}>
      <Table className={dense ? 'tm-table tm-table--dense' : 'tm-table'}>
        <caption className="tm-visually-hidden">{caption}</caption>
        <TableHeader>
          <TableRow>
            {headings.map(
              (h, i) =>
                h && (
                  <TableHeaderCell key={i} scope="col" className={h.numeric ? 'tm-num' : undefined}>
                    {h.label}
                  </TableHeaderCell>
                ),
            )}
          </TableRow>
        </TableHeader>
        <TableBody>{children}</TableBody>
      </Table>
    </TableScroll>
  );
}
