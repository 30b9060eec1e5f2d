import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { BlockingProduct } from '@tm/shared/schemas/blocking-product';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { TableScroll } from '../../../components/ui/table-scroll.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useBlockingColumns } from './blocking-columns.ts';

/** The blockers as a table, each product a link to its page; the same columns as the CSV. */
export function BlockingProductsTable({ items, caption, productHref }: { items: readonly BlockingProduct[]; caption: string; productHref: (id: string) => string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const columns = useBlockingColumns();
  return (
    <TableScroll name={caption}>
      <Table className="tm-table tm-table--dense">
        <caption className="tm-visually-hidden">{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('collective.blocking.product')}</TableHeaderCell>
            {columns.figures.map((c) => (
              <TableHeaderCell key={c.header} scope="col" className={c.numeric ? 'tm-num' : undefined}>
                {c.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((item) => (
            <TableRow key={item.productId}>
              <TableHeaderCell scope="row">
                <AppLink href={productHref(item.productId)}>{columns.productName(item)}</AppLink>
              </TableHeaderCell>
              {columns.figures.map((c) => (
                <TableCell key={c.header} className={c.numeric ? 'tm-num' : undefined}>
                  {c.display(item, f)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
