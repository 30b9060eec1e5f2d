import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { MAX_BULK_APPLICATIONS } from '@tm/shared/vocabulary/application';
import type { ReferenceComponent } from '@tm/shared/schemas/reference-component';
import { isStale } from '../../../components/ui/drawer.tsx';
import { Pager } from '../../../components/ui/pager.tsx';
import { EmptyState, ErrorState, MutationError, Skeleton } from '../../../components/ui/query-state.tsx';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useFormat } from '../../../lib/format.ts';
import { useApplications } from '../api/get-applications.ts';
import type { BulkEdit } from '../hooks/use-bulk-edit.ts';
import type { useInventoryParams } from '../hooks/use-inventory-params.ts';
import type { StatusChange } from '../hooks/use-status-change.ts';
import { BulkEditPanel } from './bulk-edit-panel.tsx';
import { InventoryTable } from './inventory-table.tsx';

const PAGE_SIZES = [25, 50, 100, 200];

type Props = {
  code: string;
  name: string;
  params: ReturnType<typeof useInventoryParams>;
  referenceComponents: readonly ReferenceComponent[];
  /** Given to editors of this municipality only: bulk edit and the inline status change. */
  editing: { bulk: BulkEdit; statusChange: StatusChange } | null;
  /** Where a reader without a session logs in and comes back. */
  loginHref: string;
  onOpen: (id: string) => void;
};

/** One page of the inventory as the address asks for it, with its loading, empty and error states, bulk edit and paging. */
export function InventoryResults({ code, name, params, referenceComponents, editing, loginHref, onOpen }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const { query } = params;
  const list = useApplications(code, query);
  const byId = useMemo(() => new Map(referenceComponents.map((rc) => [rc.id, rc])), [referenceComponents]);
  const statusError = editing?.statusChange.error;

  if (list.isPending) return <Skeleton lines={12} />;
  if (list.isError && list.error instanceof ApiError && list.error.status === 401)
    return (
      <Alert type="info">
        <Paragraph>
          <AppLink href={loginHref}>{t('accounts.loginToSee')}</AppLink>
        </Paragraph>
      </Alert>
    );
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const filtered = Boolean(query.q || query.status || query.layer || query.lifecycle || query.missing);
  if (list.data.items.length === 0) return <EmptyState>{filtered ? t('inventory.emptyFiltered') : t('inventory.empty')}</EmptyState>;

  const total = list.data.total;
  const sortColumn = query.sort.replace(/^-/, '');
  const caption = t('inventory.caption', {
    name,
    sort: `${t(`inventory.columns.${sortColumn}`)} (${t(query.sort.startsWith('-') ? 'inventory.sortDescending' : 'inventory.sortAscending')})`,
  });
  const bulk = editing?.bulk;
  return (
    <>
      <Paragraph>
        <strong>{t('inventory.total', { count: total, formatted: f.integer(total) })}</strong>
      </Paragraph>
      {bulk && (
        <>
          {bulk.selectAllMatchingError && <ErrorState error={bulk.selectAllMatchingError} onRetry={bulk.selectAllMatching} />}
          <BulkEditPanel
            selectedCount={bulk.selection.count}
            referenceComponents={referenceComponents}
            selectableMatching={total <= MAX_BULK_APPLICATIONS ? total : null}
            busy={bulk.busy}
            onSelectAllMatching={bulk.selectAllMatching}
            onClear={bulk.selection.clear}
            onApply={bulk.apply}
            refused={bulk.refused}
            error={bulk.error}
          />
        </>
      )}
      {isStale(statusError) ? (
        <Alert type="warning" role="alert">
          <Paragraph>{t('inventory.stale')}</Paragraph>
        </Alert>
      ) : (
        Boolean(statusError) && <MutationError error={statusError} />
      )}
      <InventoryTable
        rows={list.data.items}
        caption={caption}
        sort={query.sort}
        referenceComponents={byId}
        busy={list.isFetching}
        editable={editing !== null}
        onSort={params.setSort}
        onOpen={onOpen}
        onStatusChange={(row, status) => editing?.statusChange.request(row, status)}
        selection={bulk?.selection}
      />
      <Pager
        label={t('inventory.paging')}
        page={query.page}
        pages={Math.max(1, Math.ceil(total / query.pageSize))}
        onPage={params.setPage}
        pageSize={{ id: 'page-size', value: query.pageSize, choices: PAGE_SIZES, onChange: params.setPageSize }}
      />
    </>
  );
}
