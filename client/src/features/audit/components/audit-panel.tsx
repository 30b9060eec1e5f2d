import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, FormField, FormLabel, Heading2, Paragraph, Select, SelectOption } from '@utrecht/component-library-react';
import { EmptyState, ErrorState, Skeleton } from '../../../components/ui/query-state.tsx';
import { useAuditEvents } from '../api/get-audit-events.ts';
import { AuditTable } from './audit-table.tsx';

const PAGE_SIZE = 25;
/** The kinds of things the audit trail records a write of. */
const ENTITY_TYPES = ['application', 'user', 'settings', 'municipality', 'api-token', 'peer-group'] as const;

/** The append-only audit trail (PRODUCT §6): every write, paged, filterable by what was written. */
export function AuditPanel() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [entityType, setEntityType] = useState('');
  const events = useAuditEvents({ page, pageSize: PAGE_SIZE, entityType: entityType || undefined });
  const pages = Math.max(1, Math.ceil((events.data?.total ?? 0) / PAGE_SIZE));

  return (
    <section className="tm-panel" aria-labelledby="audit-heading">
      <Heading2 id="audit-heading">{t('audit.title')}</Heading2>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <FormField>
        <FormLabel htmlFor="audit-entity">{t('audit.filter')}</FormLabel>
        <Select
          id="audit-entity"
          value={entityType}
          onChange={(e) => {
            setEntityType(e.target.value);
            setPage(1);
          }}
        >
          <SelectOption value="">{t('audit.allEntities')}</SelectOption>
          {ENTITY_TYPES.map((type) => (
            <SelectOption key={type} value={type}>
              {t(`audit.entities.${type}`)}
            </SelectOption>
          ))}
        </Select>
      </FormField>
      {events.isPending ? (
        <Skeleton lines={6} />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.items.length === 0 ? (
        <EmptyState>{t('audit.empty')}</EmptyState>
      ) : (
        <>
          <AuditTable events={events.data.items} />
          <nav className="tm-pager" aria-label={t('audit.paging')}>
            <Button appearance="secondary-action-button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {t('inventory.previous')}
            </Button>
            <span aria-live="polite">{t('audit.page', { page, pages, total: events.data.total })}</span>
            <Button appearance="secondary-action-button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
              {t('inventory.next')}
            </Button>
          </nav>
        </>
      )}
    </section>
  );
}
