import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import { useFormat } from '../../../lib/format.ts';
import { useBlockingProducts } from '../api/get-blocking-products.ts';
import { useBlockingColumns } from './blocking-columns.ts';

/** How much one product holds municipalities back nationally: the blockers' figures for it alone (PRODUCT §10). */
export function ProductBlocking({ productId }: { productId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const blocking = useBlockingProducts({ productId, pageSize: 1 });
  const columns = useBlockingColumns();
  const item = blocking.data?.items[0];
  if (!blocking.data) return null;
  if (!item) return <Paragraph>{t('collective.product.notBlocking')}</Paragraph>;
  return (
    <Paragraph>
      {t('collective.product.blocking', {
        count: item.municipalityCount,
        share: f.percent(item.municipalityShare),
        applications: f.integer(item.applicationCount),
        cost: f.euro(item.annualCost),
      })}{' '}
      {t('collective.product.plans', { years: columns.plannedYears(item) })}
    </Paragraph>
  );
}
