import { useCallback, useMemo, useRef, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { Alert, Button, FormLabel, Heading1, Paragraph, Select, SelectOption, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { Application, Status } from '@tm/shared/schemas/application';
import { MAX_BULK_APPLICATIONS, type BulkChanges } from '@tm/shared/schemas/application-bulk-update';
import { EmptyState, ErrorState, MutationError, Skeleton } from '../../components/ui/query-state.tsx';
import { canEdit, useSession } from '../../features/accounts/api/session.ts';
import { ExportLinks } from '../../features/imports/components/export-links.tsx';
import { ImportWizard } from '../../features/imports/components/import-wizard.tsx';
import { fetchAllMatching, refusedApplications, useBulkUpdateApplications } from '../../features/inventory/api/bulk-update-applications.ts';
import { useInvalidateAfterWrite, useUpdateFromRow } from '../../features/inventory/api/change-application.ts';
import { useApplications } from '../../features/inventory/api/get-applications.ts';
import { useReferenceComponents } from '../../features/inventory/api/get-reference-components.ts';
import { ApplicationPanel } from '../../features/inventory/components/application-panel.tsx';
import { BulkEditPanel } from '../../features/inventory/components/bulk-edit-panel.tsx';
import { EffectiveDateDialog } from '../../features/inventory/components/effective-date-dialog.tsx';
import { InventoryFilters } from '../../features/inventory/components/inventory-filters.tsx';
import { InventoryTable } from '../../features/inventory/components/inventory-table.tsx';
import { useInventoryParams } from '../../features/inventory/hooks/use-inventory-params.ts';
import { useSelection } from '../../features/inventory/hooks/use-selection.ts';
import { useMunicipality } from '../../features/municipalities/api/get-municipality.ts';
import { AppLink } from '../../components/ui/router-link.tsx';
import { ApiError } from '../../lib/api.ts';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { StatusMessage } from '../../components/ui/status-message.tsx';

const PAGE_SIZES = [25, 50, 100, 200];
const NEW = 'nieuw';

export function InventoryPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const code = useParams().code ?? '';
  const municipality = useMunicipality(code);
  const name = municipality.data?.name ?? code;
  usePageTitle(t('inventory.title', { name }));
  const params = useInventoryParams();
  const { query } = params;
  const list = useApplications(code, query);
  const referenceComponents = useReferenceComponents();
  const rcById = useMemo(() => new Map((referenceComponents.data?.items ?? []).map((rc) => [rc.id, rc])), [referenceComponents.data]);
  const changeStatus = useUpdateFromRow();
  const [statusChange, setStatusChange] = useState<{ row: Application; status: Status } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const onSearch = useCallback((q: string) => params.setSearch(q), [params]);
  const session = useSession();
  const editable = canEdit(session.data, code);
  const [importing, setImporting] = useState(false);
  const importButton = useRef<HTMLButtonElement>(null);
  const invalidate = useInvalidateAfterWrite();
  const onImported = useCallback(() => void invalidate(), [invalidate]);
  const closeImport = () => {
    setImporting(false);
    // Back where the user opened it, instead of at the top of the page.
    importButton.current?.focus();
  };
  const selection = useSelection();
  const bulkUpdate = useBulkUpdateApplications(code);
  const [refused, setRefused] = useState<{ changedSince: boolean; names: string[] } | null>(null);
  const selectAllMatching = useMutation({
    mutationFn: () => fetchAllMatching(code, query),
    onSuccess: (all) => {
      if (all) selection.replace(all);
    },
  });

  if (municipality.isError) return <ErrorState error={municipality.error} notFound={t('municipality.notFound', { code })} />;

  const total = list.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / query.pageSize));
  const filtered = Boolean(query.q || query.status || query.layer || query.lifecycle || query.missing);
  const sortColumn = query.sort.replace(/^-/, '');
  const caption = t('inventory.caption', {
    name,
    sort: `${t(`inventory.columns.${sortColumn}`)} (${t(query.sort.startsWith('-') ? 'inventory.sortDescending' : 'inventory.sortAscending')})`,
  });
  const staleStatus = changeStatus.error instanceof ApiError && changeStatus.error.status === 412;

  const confirmStatus = (effectiveDate: string) => {
    if (!statusChange) return;
    const { row, status } = statusChange;
    changeStatus.mutate(
      { row, input: { status, effectiveDate } },
      {
        onSuccess: (saved) => {
          setStatusChange(null);
          setMessage(t('inventory.statusChange.saved', { name: saved.name, status: t(`statuses.${saved.status}`), date: f.date(effectiveDate) }));
        },
        onError: () => setStatusChange(null),
      },
    );
  };

  const applyBulk = (changes: BulkChanges) => {
    const applications = selection.items;
    setRefused(null);
    setMessage(null);
    bulkUpdate.mutate(
      { applications, changes },
      {
        onSuccess: (result) => {
          selection.clear();
          setMessage(t('inventory.bulk.done', { updated: f.integer(result.updated), unchanged: f.integer(result.unchanged) }));
        },
        onError: (error) => {
          const named = error instanceof ApiError ? refusedApplications(error.problem.errors ?? [], applications) : [];
          if (named.length === 0) return;
          // Refused rows leave the selection, so the reader looks at them before choosing them again.
          selection.remove(named.map((a) => a.id));
          setRefused({ changedSince: (error as ApiError).status === 409, names: named.map((a) => a.name) });
        },
      },
    );
  };

  return (
    <>
      <Heading1>{t('inventory.title', { name })}</Heading1>
      <Paragraph>{t('inventory.intro', { name })}</Paragraph>
      {editable ? (
        <div className="tm-actions">
          <Button appearance="primary-action-button" onClick={() => params.openPanel(NEW)}>
            {t('inventory.add')}
          </Button>
          <Button ref={importButton} appearance="secondary-action-button" aria-expanded={importing} onClick={() => (importing ? closeImport() : setImporting(true))}>
            {t('imports.open')}
          </Button>
        </div>
      ) : (
        session.data && <Paragraph className="tm-muted">{t('accounts.readOnly')}</Paragraph>
      )}
      {editable && importing && <ImportWizard code={code} municipalityName={name} onCommitted={onImported} onClose={closeImport} />}
      {session.data && <ExportLinks code={code} query={query} withTemplate={editable} />}
      <StatusMessage message={message} />
      {staleStatus && (
        <Alert type="warning" role="alert">
          <Paragraph>{t('inventory.stale')}</Paragraph>
        </Alert>
      )}
      {changeStatus.isError && !staleStatus && <MutationError error={changeStatus.error} />}
      {refused ? (
        <Alert type="warning" role="alert">
          <Paragraph>{t(refused.changedSince ? 'inventory.bulk.changedSince' : 'inventory.bulk.notFound')}</Paragraph>
          <UnorderedList>
            {refused.names.map((n, i) => (
              <UnorderedListItem key={`${i}-${n}`}>{n}</UnorderedListItem>
            ))}
          </UnorderedList>
        </Alert>
      ) : (
        bulkUpdate.isError && <MutationError error={bulkUpdate.error} />
      )}
      {selectAllMatching.isError && <ErrorState error={selectAllMatching.error} onRetry={() => selectAllMatching.mutate()} />}
      <InventoryFilters query={query} onSearch={onSearch} onFilter={params.setFilter} onClear={params.clearFilters} />
      {list.isPending ? (
        <Skeleton lines={12} />
      ) : list.isError && list.error instanceof ApiError && list.error.status === 401 ? (
        <Alert type="info">
          <Paragraph>
            <AppLink href={`/inloggen?terug=${encodeURIComponent(`/gemeenten/${code}/inventaris`)}`}>{t('accounts.loginToSee')}</AppLink>
          </Paragraph>
        </Alert>
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <EmptyState>{filtered ? t('inventory.emptyFiltered') : t('inventory.empty')}</EmptyState>
      ) : (
        <>
          <Paragraph>
            <strong>{t('inventory.total', { count: total, formatted: f.integer(total) })}</strong>
          </Paragraph>
          {editable && (
            <BulkEditPanel
              selectedCount={selection.count}
              selectableMatching={total <= MAX_BULK_APPLICATIONS ? total : null}
              busy={bulkUpdate.isPending || selectAllMatching.isPending}
              onSelectAllMatching={() => selectAllMatching.mutate()}
              onClear={selection.clear}
              onApply={applyBulk}
            />
          )}
          <InventoryTable
            rows={list.data.items}
            caption={caption}
            sort={query.sort}
            referenceComponents={rcById}
            busy={list.isFetching}
            editable={editable}
            onSort={params.setSort}
            onOpen={(id) => params.openPanel(id)}
            onStatusChange={(row, status) => setStatusChange({ row, status })}
            selection={editable ? selection : undefined}
          />
          <nav className="tm-pager" aria-label={t('inventory.paging')}>
            <Button appearance="secondary-action-button" disabled={query.page <= 1} onClick={() => params.setPage(query.page - 1)}>
              {t('inventory.previous')}
            </Button>
            <span>{t('inventory.page', { page: query.page, pages })}</span>
            <Button appearance="secondary-action-button" disabled={query.page >= pages} onClick={() => params.setPage(query.page + 1)}>
              {t('inventory.next')}
            </Button>
            <FormLabel htmlFor="page-size">{t('inventory.pageSize')}</FormLabel>
            <Select id="page-size" value={String(query.pageSize)} onChange={(e) => params.setPageSize(Number(e.target.value))}>
              {PAGE_SIZES.map((size) => (
                <SelectOption key={size} value={String(size)}>
                  {size}
                </SelectOption>
              ))}
            </Select>
          </nav>
        </>
      )}
      {statusChange && (
        <EffectiveDateDialog
          title={t('inventory.statusChange.title', { name: statusChange.row.name, status: t(`statuses.${statusChange.status}`) })}
          busy={changeStatus.isPending}
          onConfirm={confirmStatus}
          onCancel={() => setStatusChange(null)}
        />
      )}
      {params.panel && (editable || params.panel !== NEW) && (
        <ApplicationPanel
          municipalityCode={code}
          applicationId={params.panel === NEW ? null : params.panel}
          referenceComponents={referenceComponents.data?.items ?? []}
          editable={editable}
          onClose={() => params.openPanel(null)}
          onCreated={(app) => params.openPanel(app.id)}
          onMessage={setMessage}
        />
      )}
    </>
  );
}
