import { useTranslation } from 'react-i18next';
import { TableCell, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ProductSummary } from '@tm/shared/schemas/product';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { CaptionedTable } from '../../../components/ui/captioned-table.tsx';
import { useFormat } from '../../../lib/format.ts';
import { productPath } from '../product-path.ts';
import { VerdictBadge } from './verdict-badge.tsx';

/** One row per product: who makes it, how many run it, and each version with its current verdict. */
export function ProductsTable({ items, caption }: { items: readonly ProductSummary[]; caption: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <CaptionedTable
      caption={caption}
      headings={[
        { label: t('catalogue.columns.product') },
        { label: t('catalogue.columns.vendor') },
        { label: t('catalogue.columns.municipalities'), numeric: true },
        { label: t('catalogue.columns.applications'), numeric: true },
        { label: t('catalogue.columns.versions') },
      ]}
    >
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
    </CaptionedTable>
  );
}
