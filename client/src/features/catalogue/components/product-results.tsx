import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import { Pager } from '../../../components/ui/pager.tsx';
import { EmptyState, ErrorState, Skeleton } from '../../../components/ui/query-state.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useProducts } from '../api/get-products.ts';
import { useProductListParams } from '../hooks/use-product-list-params.ts';
import { ProductsTable } from './products-table.tsx';

/** One page of the catalogue for the address's search and order, how many there are, and the way to the others. */
export function ProductResults() {
  const { t } = useTranslation();
  const f = useFormat();
  const params = useProductListParams();
  const products = useProducts(params.query);
  if (products.isPending) return <Skeleton lines={10} />;
  if (products.isError) return <ErrorState error={products.error} onRetry={() => void products.refetch()} />;
  const { items, total } = products.data;
  const pages = Math.max(1, Math.ceil(total / params.query.pageSize));
  return (
    <>
      <Paragraph role="status" className="tm-muted">
        {params.q ? t('catalogue.found', { count: total, formatted: f.integer(total), q: params.q }) : t('catalogue.total', { count: total, formatted: f.integer(total) })}
      </Paragraph>
      {items.length === 0 ? (
        <EmptyState>{params.q ? t('catalogue.noneFound') : t('catalogue.empty')}</EmptyState>
      ) : (
        <ProductsTable items={items} caption={t('catalogue.title')} />
      )}
      {pages > 1 && <Pager label={t('catalogue.pager')} page={params.page} pages={pages} onPage={params.setPage} />}
    </>
  );
}
