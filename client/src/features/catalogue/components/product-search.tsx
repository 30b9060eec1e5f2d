import { useTranslation } from 'react-i18next';
import { SelectField } from '../../../components/ui/select-field.tsx';
import type { ProductOrder } from '../hooks/use-product-list-params.ts';
import { SearchForm } from './search-form.tsx';

type Props = {
  q: string | undefined;
  order: ProductOrder;
  onSearch: (text: string) => void;
  onOrder: (order: ProductOrder) => void;
};

/** The catalogue's search and the order of what it finds. */
export function ProductSearch({ q, order, onSearch, onOrder }: Props) {
  const { t } = useTranslation();
  const orders: ProductOrder[] = q ? ['match', 'users', 'name'] : ['users', 'name'];
  return (
    <div className="tm-toolbar tm-product-search">
      <SearchForm id="product-search" label={t('catalogue.search.label')} q={q} onSearch={onSearch} />
      <SelectField
        id="product-order"
        label={t('catalogue.search.order')}
        value={order}
        options={orders.map((o) => ({ value: o, label: t(`catalogue.search.orders.${o}`) }))}
        onChange={onOrder}
      />
    </div>
  );
}
