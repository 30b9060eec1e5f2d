import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { Button, Heading1, Paragraph } from '@utrecht/component-library-react';
import { ErrorState } from '../../components/ui/query-state.tsx';
import { StatusMessage } from '../../components/ui/status-message.tsx';
import { canEdit, useSession } from '../../features/accounts/api/session.ts';
import { AttestationStatus } from '../../features/attestations/components/attestation-status.tsx';
import { ExportLinks } from '../../features/imports/components/export-links.tsx';
import { useInvalidateAfterWrite } from '../../features/inventory/api/change-application.ts';
import { useReferenceComponents } from '../../features/inventory/api/get-reference-components.ts';
import { InventoryFilters } from '../../features/inventory/components/inventory-filters.tsx';
import { InventoryResults } from '../../features/inventory/components/inventory-results.tsx';
import { useBulkEdit } from '../../features/inventory/hooks/use-bulk-edit.ts';
import { useInventoryParams } from '../../features/inventory/hooks/use-inventory-params.ts';
import { useStatusChange } from '../../features/inventory/hooks/use-status-change.ts';
import { useMunicipality } from '../../features/municipalities/api/get-municipality.ts';
import { SuggestionsNotice } from '../../features/suggestions/components/suggestions-notice.tsx';
import { useFormat } from '../../lib/format.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';

// What opens on request (the import, an application's panel, the confirmation of a status change) loads then: with
// its forms come every schema they check and the server's words for their errors, which the table does not need.
const ImportWizard = lazy(() => import('../../features/imports/components/import-wizard.tsx').then((m) => ({ default: m.ImportWizard })));
const ApplicationPanel = lazy(() => import('../../features/inventory/components/application-panel.tsx').then((m) => ({ default: m.ApplicationPanel })));
const StatusChangeDialog = lazy(() => import('../../features/inventory/components/status-change-dialog.tsx').then((m) => ({ default: m.StatusChangeDialog })));

const NEW = 'nieuw';
const tableRegion = () => document.querySelector<HTMLElement>('.tm-table-scroll');

export function InventoryPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const code = useParams().code ?? '';
  const municipality = useMunicipality(code);
  const name = municipality.data?.name ?? code;
  usePageTitle(t('inventory.title', { name }));
  const params = useInventoryParams();
  const session = useSession();
  const editable = canEdit(session.data, code);
  const referenceComponents = useReferenceComponents().data?.items ?? [];
  const [message, setMessage] = useState<string | null>(null);
  const statusChange = useStatusChange((saved, date) =>
    setMessage(t('inventory.statusChange.saved', { name: saved.name, status: t(`statuses.${saved.status}`), date: f.date(date) })),
  );
  const bulk = useBulkEdit(code, params.query, (result) =>
    setMessage(t('inventory.bulk.done', { updated: f.integer(result.updated), unchanged: f.integer(result.unchanged) })),
  );
  const [importing, setImporting] = useState(false);
  const importButton = useRef<HTMLButtonElement>(null);
  const invalidate = useInvalidateAfterWrite();
  const onImported = useCallback(() => void invalidate(), [invalidate]);
  const closeImport = () => {
    setImporting(false);
    // Back where the user opened it, instead of at the top of the page.
    importButton.current?.focus();
  };

  if (municipality.isError) return <ErrorState error={municipality.error} notFound={t('municipality.notFound', { code })} />;

  return (
    <>
      <Heading1>{t('inventory.title', { name })}</Heading1>
      <Paragraph>{t(editable ? 'inventoryIntro.editor' : 'inventoryIntro.reader', { name })}</Paragraph>
      <AttestationStatus code={code} name={name} />
      <SuggestionsNotice code={code} editable={editable} />
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
      <Suspense fallback={null}>
        {editable && importing && <ImportWizard code={code} municipalityName={name} onCommitted={onImported} onClose={closeImport} />}
      </Suspense>
      <StatusMessage message={message} />
      <InventoryFilters query={params.query} onSearch={params.setSearch} onFilter={params.setFilter} onClear={params.clearFilters} />
      <InventoryResults
        code={code}
        name={name}
        params={params}
        referenceComponents={referenceComponents}
        editing={editable ? { bulk, statusChange } : null}
        loginHref={`/inloggen?terug=${encodeURIComponent(`/gemeenten/${code}/inventaris`)}`}
        onOpen={(id) => params.openPanel(id)}
      />
      {/* Below the table it exports, so on a phone the first rows come first. */}
      {session.data && <ExportLinks code={code} query={params.query} withTemplate={editable} />}
      <Suspense fallback={null}>
        {statusChange.pending && <StatusChangeDialog change={statusChange} onOpenCriteria={(id) => params.openPanel(id)} />}
        {params.panel && (editable || params.panel !== NEW) && (
          <ApplicationPanel
            municipalityCode={code}
            applicationId={params.panel === NEW ? null : params.panel}
            referenceComponents={referenceComponents}
            editable={editable}
            onClose={() => params.openPanel(null)}
            onCreated={(app) => params.openPanel(app.id)}
            focusAfterDelete={tableRegion}
            fallbackFocus={() => document.querySelector<HTMLElement>(`[data-application-id="${params.panel}"]`) ?? tableRegion()}
            onMessage={setMessage}
          />
        )}
      </Suspense>
    </>
  );
}
