import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import { DataTable } from '../../../components/charts/data-table.tsx';
import { ErrorState, Skeleton } from '../../../components/ui/query-state.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useDeliveries } from '../api/get-deliveries.ts';
import { eventTypeKey } from './subscription-form.tsx';

/** The latest deliveries of one subscription, newest first: what was sent, how it went, the receiver's answer. */
export function DeliveriesTable({ id, caption }: { id: string; caption: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const deliveries = useDeliveries(id);
  if (deliveries.isPending) return <Skeleton lines={2} />;
  if (deliveries.isError) return <ErrorState error={deliveries.error} onRetry={() => void deliveries.refetch()} />;
  if (deliveries.data.items.length === 0) return <Paragraph className="tm-muted">{t('subscriptions.deliveries.none')}</Paragraph>;
  return (
    <DataTable
      caption={caption}
      rows={deliveries.data.items}
      columns={[
        { header: t('subscriptions.deliveries.at'), value: (d) => d.lastAttemptAt, display: (d) => f.dateTime(d.lastAttemptAt) },
        { header: t('subscriptions.deliveries.type'), value: (d) => d.eventType, display: (d) => t(eventTypeKey(d.eventType)) },
        { header: t('subscriptions.deliveries.status'), value: (d) => d.status, display: (d) => t(`subscriptions.deliveries.statuses.${d.status}`) },
        { header: t('subscriptions.deliveries.attempts'), value: (d) => d.attempts, numeric: true },
        { header: t('subscriptions.deliveries.answer'), value: (d) => d.lastStatusCode ?? '', display: (d) => (d.lastStatusCode === null ? t('subscriptions.deliveries.noAnswer') : String(d.lastStatusCode)) },
        // The receiver's or the network's own words, in English.
        { header: t('subscriptions.deliveries.error'), value: (d) => d.lastError ?? '', lang: (d) => (d.lastError ? 'en' : undefined) },
      ]}
    />
  );
}
