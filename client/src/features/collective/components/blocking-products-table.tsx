import { useTranslation } from 'react-i18next';
import type { BlockingProduct } from '@tm/shared/schemas/blocking-product';
import { DataTable } from '../../../components/charts/data-table.tsx';
import { useBlockingColumns } from './blocking-columns.ts';

/** The blockers as a table, each product a link to its page; the same columns as the CSV. */
export function BlockingProductsTable({ items, caption, productHref }: { items: readonly BlockingProduct[]; caption: string; productHref: (id: string) => string }) {
  const { t } = useTranslation();
  const columns = useBlockingColumns();
  const product = { header: t('collective.blocking.product'), value: columns.productName, link: (item: BlockingProduct) => productHref(item.productId) };
  return <DataTable caption={caption} rows={items} columns={[product, ...columns.figures]} />;
}
