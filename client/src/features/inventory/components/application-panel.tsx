import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { Application, CreateApplicationInput, UpdateApplicationInput } from '@tm/shared/schemas/application';
import type { ReferenceComponent } from '@tm/shared/schemas/reference-component';
import { ErrorState, MutationError, Skeleton } from '../../../components/ui/query-state.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useFormat } from '../../../lib/format.ts';
import { fieldErrorsFromProblem, type FieldErrors } from '../../../lib/validation.ts';
import { useCreateApplication, useDeleteApplication, useUpdateApplication } from '../api/change-application.ts';
import { useApplication } from '../api/get-application.ts';
import { useApplicationHistory } from '../api/get-application-history.ts';
import { ApplicationForm } from './application-form.tsx';
import { EffectiveDateDialog } from './effective-date-dialog.tsx';
import { HistoryTimeline } from './history-timeline.tsx';

type Props = {
  municipalityCode: string;
  /** An application id, or null to add a new one. */
  applicationId: string | null;
  referenceComponents: readonly ReferenceComponent[];
  editable: boolean;
  onClose: () => void;
  onCreated: (app: Application) => void;
  onMessage: (message: string) => void;
};

function useServerErrors(error: unknown) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    if (error instanceof ApiError && error.problem.errors?.length) setErrors(fieldErrorsFromProblem(error.problem.errors, t));
    else setErrors({});
  }, [error, t]);
  return errors;
}

function History({ id }: { id: string }) {
  const { t } = useTranslation();
  const history = useApplicationHistory(id);
  return (
    <section aria-labelledby="history-heading">
      <Heading3 id="history-heading">{t('application.history')}</Heading3>
      {history.isPending ? (
        <Skeleton />
      ) : history.isError ? (
        <ErrorState error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.items.length === 0 ? (
        <Paragraph>{t('application.historyEmpty')}</Paragraph>
      ) : (
        <HistoryTimeline entries={history.data.items} />
      )}
    </section>
  );
}

/** The side panel: edit form, retire and delete, and the application's history. */
export function ApplicationPanel({ municipalityCode, applicationId, referenceComponents, editable, onClose, onCreated, onMessage }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const heading = useRef<HTMLHeadingElement>(null);
  const current = useApplication(applicationId);
  const create = useCreateApplication(municipalityCode);
  const update = useUpdateApplication();
  const remove = useDeleteApplication();
  const [retiring, setRetiring] = useState(false);
  const stale = [update.error, remove.error].some((e) => e instanceof ApiError && e.status === 412);
  const serverErrors = useServerErrors(applicationId ? update.error : create.error);
  const otherError = [create.error, update.error, remove.error].find(
    (e) => e && !(e instanceof ApiError && (e.status === 412 || e.problem.errors?.length)),
  );

  useEffect(() => heading.current?.focus(), [applicationId]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !retiring) onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose, retiring]);
  useEffect(() => {
    // After a 412 the form shows the newest version, so the user can redo their change on top of it.
    if (stale) void current.refetch();
  }, [stale]);

  const app = current.data?.data ?? null;
  const title = applicationId ? (editable ? t('application.editTitle', { name: app?.name ?? '' }) : app?.name ?? '') : t('application.newTitle');

  const onCreate = (input: CreateApplicationInput) =>
    create.mutate(input, {
      onSuccess: (created) => {
        onMessage(t('application.created', { name: created.name }));
        onCreated(created);
      },
    });
  const onUpdate = (input: UpdateApplicationInput) => {
    if (!applicationId || !current.data) return;
    update.mutate(
      { id: applicationId, etag: current.data.etag, input },
      { onSuccess: (saved) => onMessage(t('application.saved', { name: saved.name })) },
    );
  };
  const onRetire = (effectiveDate: string) => {
    if (!applicationId || !current.data) return;
    update.mutate(
      { id: applicationId, etag: current.data.etag, input: { lifecycle: 'phased_out', effectiveDate } },
      {
        onSuccess: (saved) => {
          setRetiring(false);
          onMessage(t('application.retired', { name: saved.name }));
        },
        onError: () => setRetiring(false),
      },
    );
  };
  const onDelete = () => {
    if (!applicationId || !current.data || !app) return;
    if (!window.confirm(t('application.deleteConfirm', { name: app.name }))) return;
    remove.mutate(
      { id: applicationId, etag: current.data.etag },
      {
        onSuccess: () => {
          onMessage(t('application.deleted', { name: app.name }));
          onClose();
        },
      },
    );
  };

  return (
    <aside className="tm-drawer" aria-labelledby="panel-heading">
      <div className="tm-drawer__head">
        <Heading2 id="panel-heading" ref={heading} tabIndex={-1}>
          {title}
        </Heading2>
        <Button appearance="subtle-button" onClick={onClose}>
          {t('application.close')}
        </Button>
      </div>
      {stale && (
        <Alert type="warning" role="alert">
          <Paragraph>{t('inventory.stale')}</Paragraph>
        </Alert>
      )}
      {otherError ? <MutationError error={otherError} /> : null}
      {applicationId && current.isPending ? (
        <Skeleton lines={8} />
      ) : applicationId && current.isError ? (
        <ErrorState error={current.error} onRetry={() => void current.refetch()} />
      ) : (
        <>
          {app && app.lifecycle === 'phased_out' && app.retiredAt && (
            <Paragraph className="tm-muted">
              {t('lifecycles.phased_out')}: {f.date(app.retiredAt)}
            </Paragraph>
          )}
          <ApplicationForm
            key={applicationId ?? 'new'}
            original={app}
            readOnly={!editable}
            referenceComponents={referenceComponents}
            serverErrors={serverErrors}
            busy={create.isPending || update.isPending}
            onCreate={onCreate}
            onUpdate={onUpdate}
            extraActions={
              app && editable ? (
                <>
                  {app.lifecycle !== 'phased_out' && (
                    <Button appearance="secondary-action-button" onClick={() => setRetiring(true)}>
                      {t('application.retire')}
                    </Button>
                  )}
                  <Button appearance="subtle-button" onClick={onDelete} busy={remove.isPending}>
                    {t('application.delete')}
                  </Button>
                </>
              ) : null
            }
          />
          {app && editable && <Paragraph className="tm-muted">{t('application.retireHint')}</Paragraph>}
          {applicationId && <History id={applicationId} />}
        </>
      )}
      {retiring && app && (
        <EffectiveDateDialog
          title={`${t('application.retire')}: ${app.name}`}
          busy={update.isPending}
          onConfirm={onRetire}
          onCancel={() => setRetiring(false)}
        />
      )}
    </aside>
  );
}
