import { useTranslation } from 'react-i18next';
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ProductSummary } from '@tm/shared/schemas/product';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { TableScroll } from '../../../components/ui/table-scroll.tsx';
import { useFormat } from '../../../lib/format.ts';
import { productPath } from '../product-path.ts';
import { VerdictBadge } from './verdict-badge.tsx';

/** One row per product: who makes it, how many run it, and each version with its current verdict. */
export function ProductsTable({ items, caption }: { items: readonly ProductSummary[]; caption: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <TableScroll name={caption}>
      <Table className="tm-table tm-table--dense">
        <caption className="tm-visually-hidden">{caption}</caption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('catalogue.columns.product')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('catalogue.columns.vendor')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="tm-num">{t('catalogue.columns.municipalities')}</TableHeaderCell>
            <TableHeaderCell scope="col" className="tm-num">{t('catalogue.columns.applications')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('catalogue.columns.versions')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {items.map((product) => (
            <TableRow key={product.id}>
              <TableHeaderCell scope="row">
                <AppLink href={productPath(product.id)} className="tm-row-link">
                  {product.name}
                </AppLink>
              </TableHeaderCell>
              <TableCell className="tm-wrap">{product.vendor ?? <span className="tm-muted">{t('catalogue.noVendor')}</span>}</TableCell>
              <TableCell className="tm-num">{f.integer(product.municipalityCount)}</TableCell>
              <TableCell className="tm-num">{f.integer(product.applicationCount)}</TableCell>
              <TableCell>
                <ul className="tm-version-badges">
                  {product.versions.map((v) => (
                    <li key={v.id}>
                      <span className="tm-version-badges__name">{v.version ?? t('catalogue.noVersion')}</span> <VerdictBadge assessment={v.assessment} />
                    </li>
                  ))}
                </ul>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
