import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { EmptyState, ErrorState, Skeleton } from '../../../components/ui/query-state.tsx';
import { SelectField } from '../../../components/ui/select-field.tsx';
import { Tabs } from '../../../components/ui/tabs.tsx';
import { TextField } from '../../../components/ui/text-field.tsx';
import { downloadCsv, toCsv } from '../../../lib/csv.ts';
import { useFormat } from '../../../lib/format.ts';
import { useUsers } from '../../accounts/api/get-users.ts';
import { allAuditEvents, type AuditFilters, useAuditEvents } from '../api/get-audit-events.ts';
import { describeEvent } from './audit-changes.ts';
import { AuditTable } from './audit-table.tsx';

const PAGE_SIZE = 25;
/** The kinds of things the audit trail records a write of: its categories. */
const ENTITY_TYPES = ['application', 'municipality', 'user', 'settings', 'api-token', 'peer-group', 'subscription', 'product', 'product-version', 'municipality-merger', 'municipality-register'] as const;
type Kind = 'changes' | 'sessions';

/** A day as the reader means it: from local midnight to the next. */
const startOf = (day: string) => (day ? new Date(`${day}T00:00`).toISOString() : undefined);
const endOf = (day: string) => (day ? new Date(new Date(`${day}T00:00`).getTime() + 86_400_000).toISOString() : undefined);

type Props = { municipalities: readonly { value: string; label: string }[] };

/**
 * The append-only audit trail (PRODUCT §6) in words: every change, paged, filterable by who, municipality, category
 * and period, exportable as CSV; log-ins on a tab of their own, so that they do not bury the changes.
 */
export function AuditPanel({ municipalities }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const [kind, setKind] = useState<Kind>('changes');
  const [page, setPage] = useState(1);
  const [actorId, setActorId] = useState('');
  const [municipalityCode, setMunicipalityCode] = useState('');
  const [entityType, setEntityType] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [exporting, setExporting] = useState<'idle' | 'busy' | 'failed'>('idle');
  const users = useUsers({});
  const filters: AuditFilters = {
    kind,
    actorId: actorId || undefined,
    municipalityCode: kind === 'changes' ? municipalityCode || undefined : undefined,
    entityType: kind === 'changes' ? entityType || undefined : undefined,
    since: startOf(from),
    until: endOf(to),
  };
  const events = useAuditEvents({ ...filters, page, pageSize: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil((events.data?.total ?? 0) / PAGE_SIZE));
  const filtered = <V,>(set: (value: V) => void) => (value: V) => {
    set(value);
    setPage(1);
  };
  const caption = t(kind === 'changes' ? 'audit.tabs.changes' : 'audit.tabs.sessions');

  const exportCsv = async () => {
    setExporting('busy');
    try {
      const rows = (await allAuditEvents(filters)).map((event) => ({ event, words: describeEvent(event, t) }));
      const csv = toCsv(rows, [
        { header: t('audit.when'), value: (r) => f.dateTime(r.event.recordedAt) },
        { header: t('audit.who'), value: (r) => r.event.actor.name },
        { header: t('audit.what'), value: (r) => r.words.action },
        { header: t('audit.subject'), value: (r) => r.words.subject },
        { header: t('audit.municipality'), value: (r) => r.event.municipalityCode },
        { header: t('audit.changed'), value: (r) => r.words.changed },
      ]);
      downloadCsv(`logboek-${kind === 'changes' ? 'wijzigingen' : 'inloggen'}.csv`, csv);
      setExporting('idle');
    } catch {
      setExporting('failed');
    }
  };

  return (
    <section className="tm-panel" aria-labelledby="audit-heading">
      <Heading2 id="audit-heading">{t('audit.title')}</Heading2>
      <Paragraph>{t('audit.intro')}</Paragraph>
      <Tabs
        id="audit"
        label={t('audit.tabs.label')}
        tabs={[
          { value: 'changes', label: t('audit.tabs.changes') },
          { value: 'sessions', label: t('audit.tabs.sessions') },
        ]}
        value={kind}
        onChange={filtered(setKind)}
      >
        <div className="tm-filters">
          <SelectField
            id="audit-actor"
            label={t('audit.filters.actor')}
            value={actorId}
            options={[{ value: '', label: t('audit.filters.everyone') }, ...(users.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))]}
            onChange={filtered(setActorId)}
          />
          {kind === 'changes' && (
            <>
              <SelectField
                id="audit-municipality"
                label={t('audit.filters.municipality')}
                value={municipalityCode}
                options={[{ value: '', label: t('audit.filters.allMunicipalities') }, ...municipalities]}
                onChange={filtered(setMunicipalityCode)}
              />
              <SelectField
                id="audit-entity"
                label={t('audit.filter')}
                value={entityType}
                options={[{ value: '', label: t('audit.allEntities') }, ...ENTITY_TYPES.map((type) => ({ value: type, label: t(`audit.entities.${type}`) }))]}
                onChange={filtered(setEntityType)}
              />
            </>
          )}
          <TextField id="audit-from" type="date" label={t('audit.filters.from')} value={from} onChange={filtered(setFrom)} />
          <TextField id="audit-to" type="date" label={t('audit.filters.to')} value={to} onChange={filtered(setTo)} />
        </div>
        {events.isPending ? (
          <Skeleton lines={6} />
        ) : events.isError ? (
          <ErrorState error={events.error} onRetry={() => void events.refetch()} />
        ) : events.data.items.length === 0 ? (
          <EmptyState>{t('audit.empty')}</EmptyState>
        ) : (
          <>
            <AuditTable events={events.data.items} caption={caption} />
            <nav className="tm-pager" aria-label={t('audit.paging')}>
              <Button appearance="secondary-action-button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
                {t('inventory.previous')}
              </Button>
              <span aria-live="polite">{t('audit.page', { page, pages, total: events.data.total })}</span>
              <Button appearance="secondary-action-button" disabled={page >= pages} onClick={() => setPage(page + 1)}>
                {t('inventory.next')}
              </Button>
            </nav>
            <div className="tm-actions">
              <Button appearance="subtle-button" busy={exporting === 'busy'} disabled={exporting === 'busy'} onClick={() => void exportCsv()}>
                {t('audit.export')}
              </Button>
            </div>
            {exporting === 'failed' && (
              <Alert type="error" role="alert">
                <Paragraph>{t('audit.exportFailed')}</Paragraph>
              </Alert>
            )}
          </>
        )}
      </Tabs>
    </section>
  );
}
