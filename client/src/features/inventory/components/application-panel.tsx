import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import type { Application, CreateApplicationInput, UpdateApplicationInput } from '@tm/shared/schemas/application';
import type { ReferenceComponent } from '@tm/shared/schemas/reference-component';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { Drawer, isStale, useDrawerState } from '../../../components/ui/drawer.tsx';
import { ErrorState, MutationError, Skeleton } from '../../../components/ui/query-state.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useFormat } from '../../../lib/format.ts';
import { fieldErrorsFromProblem, type FieldErrors } from '../../../lib/field-errors.ts';
import { useCreateApplication, useDeleteApplication, useUpdateApplication } from '../api/change-application.ts';
import { useApplication } from '../api/get-application.ts';
import { useApplicationHistory } from '../api/get-application-history.ts';
import { ApplicationForm } from './application-form.tsx';
import { EffectiveDateDialog } from './effective-date-dialog.tsx';
import { useNames } from '../hooks/use-names.ts';
import { ApplicationDetails } from './application-details.tsx';
import { HistoryTimeline, successorsIn } from './history-timeline.tsx';

type Props = {
  municipalityCode: string;
  /** An application id, or null to add a new one. */
  applicationId: string | null;
  referenceComponents: readonly ReferenceComponent[];
  editable: boolean;
  onClose: () => void;
  onCreated: (app: Application) => void;
  /** Where focus goes after a removal, as the row that opened the panel is gone. */
  focusAfterDelete: () => HTMLElement | null;
  /** Where focus goes on closing when the panel was not opened from the page (the address named the application). */
  fallbackFocus: () => HTMLElement | null;
  onMessage: (message: string) => void;
};

function useServerErrors(error: unknown) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    if (error instanceof ApiError && error.problem.errors?.length) setErrors(fieldErrorsFromProblem(error.problem.errors));
    else setErrors({});
  }, [error, t]);
  return errors;
}

function History({ id, referenceComponents }: { id: string; referenceComponents: readonly ReferenceComponent[] }) {
  const { t } = useTranslation();
  const history = useApplicationHistory(id);
  const names = useNames(referenceComponents, history.data ? successorsIn(history.data.items) : []);
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
        <HistoryTimeline entries={history.data.items} names={names} />
      )}
    </section>
  );
}

type Asking = 'retire' | 'delete' | null;

/** The side panel: edit form, retire and delete, and the application's history. */
export function ApplicationPanel({ municipalityCode, applicationId, referenceComponents, editable, onClose, onCreated, focusAfterDelete, fallbackFocus, onMessage }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const current = useApplication(applicationId);
  const create = useCreateApplication(municipalityCode);
  const update = useUpdateApplication();
  const remove = useDeleteApplication();
  const [asking, setAsking] = useState<Asking>(null);
  const writeError = applicationId ? (update.error ?? remove.error) : create.error;
  const feedback = useDrawerState({ record: current, recordId: applicationId, writeError, onMessage, focusAfterDelete });
  const serverErrors = useServerErrors(applicationId ? update.error : create.error);
  const otherError = [create.error, update.error, remove.error].find(
    (e) => e && !isStale(e) && !(e instanceof ApiError && e.problem.errors?.length),
  );

  const app = current.data?.data ?? null;
  const title = applicationId ? (editable ? t('application.editTitle', { name: app?.name ?? '' }) : app?.name ?? '') : t('application.newTitle');

  const onCreate = (input: CreateApplicationInput) =>
    create.mutate(input, {
      onSuccess: (created) => {
        feedback.saved(t('application.created', { name: created.name }));
        onCreated(created);
      },
    });
  const onUpdate = (input: UpdateApplicationInput) => {
    if (!applicationId || !current.data) return;
    update.mutate({ id: applicationId, etag: current.data.etag, input }, { onSuccess: (saved) => feedback.saved(t('application.saved', { name: saved.name })) });
  };
  const onRetire = (effectiveDate: string) => {
    if (!applicationId || !current.data) return;
    update.mutate(
      { id: applicationId, etag: current.data.etag, input: { lifecycle: 'phased_out', effectiveDate } },
      { onSuccess: (saved) => feedback.saved(t('application.retired', { name: saved.name })), onSettled: () => setAsking(null) },
    );
  };
  const onDelete = () => {
    if (!applicationId || !current.data || !app) return;
    remove.mutate(
      { id: applicationId, etag: current.data.etag },
      {
        onSuccess: () => {
          feedback.removed(t('application.deleted', { name: app.name }));
          onClose();
        },
        onSettled: () => setAsking(null),
      },
    );
  };

  return (
    <Drawer
      title={title}
      onClose={onClose}
      fallbackFocus={fallbackFocus}
      {...feedback.drawerProps}
    >
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
          {editable ? (
            <ApplicationForm
              key={applicationId ?? 'new'}
              municipalityCode={municipalityCode}
              original={app}
              referenceComponents={referenceComponents}
              serverErrors={serverErrors}
              busy={create.isPending || update.isPending}
              onCreate={onCreate}
              onUpdate={onUpdate}
              extraActions={
                app ? (
                  <>
                    {app.lifecycle !== 'phased_out' && (
                      <Button appearance="secondary-action-button" onClick={() => setAsking('retire')}>
                        {t('application.retire')}
                      </Button>
                    )}
                    <Button appearance="subtle-button" onClick={() => setAsking('delete')}>
                      {t('application.delete')}
                    </Button>
                  </>
                ) : null
              }
            />
          ) : (
            app && <ApplicationDetails app={app} referenceComponents={referenceComponents} />
          )}
          {app && editable && <Paragraph className="tm-muted">{t('application.retireHint')}</Paragraph>}
          {applicationId && <History id={applicationId} referenceComponents={referenceComponents} />}
        </>
      )}
      {asking === 'retire' && app && (
        <EffectiveDateDialog title={`${t('application.retire')}: ${app.name}`} busy={update.isPending} onConfirm={onRetire} onCancel={() => setAsking(null)} />
      )}
      {asking === 'delete' && app && (
        <ConfirmDialog
          title={t('deleteApplication.title', { name: app.name })}
          body={t('deleteApplication.body')}
          confirmLabel={t('application.delete')}
          cancelLabel={t('inventory.statusChange.cancel')}
          busy={remove.isPending}
          onConfirm={onDelete}
          onCancel={() => setAsking(null)}
        />
      )}
    </Drawer>
  );
}
