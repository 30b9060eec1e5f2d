import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@utrecht/component-library-react';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import type { ProductOrder } from '../hooks/use-product-list-params.ts';

type Props = {
  q: string | undefined;
  order: ProductOrder;
  onSearch: (text: string) => void;
  onOrder: (order: ProductOrder) => void;
};

/** Words of a product or vendor, roughly spelled (the server forgives slips), and the order of what it finds. */
export function ProductSearch({ q, order, onSearch, onOrder }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(q ?? '');
  // Back and forward through the address bring their own search.
  useEffect(() => setText(q ?? ''), [q]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(text);
  };
  const orders: ProductOrder[] = q ? ['match', 'users', 'name'] : ['users', 'name'];
  return (
    <div className="tm-toolbar tm-product-search">
      <form role="search" className="tm-filters__search" aria-label={t('catalogue.search.label')} onSubmit={submit}>
        <TextField
          id="product-search"
          label={t('catalogue.search.label')}
          hint={t('catalogue.search.hint')}
          type="search"
          autoComplete="off"
          spellCheck={false}
          value={text}
          onChange={setText}
        />
        <Button type="submit" appearance="primary-action-button">
          {t('catalogue.search.submit')}
        </Button>
      </form>
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
