import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Button, Paragraph } from '@utrecht/component-library-react';
import type { CreateUserInput, UpdateUserInput, User } from '@tm/shared/schemas/account';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { Drawer, isStale, useDrawerState } from '../../../components/ui/drawer.tsx';
import type { Choice } from '../../../components/ui/multi-combobox.tsx';
import { ErrorState, MutationError, Skeleton } from '../../../components/ui/query-state.tsx';
import { ApiError } from '../../../lib/api.ts';
import { useFormat } from '../../../lib/format.ts';
import { fieldErrorsFromProblem, type FieldErrors } from '../../../lib/field-errors.ts';
import { useCreateUser, useDeleteUser, useUpdateUser } from '../api/change-user.ts';
import { useUser } from '../api/get-users.ts';
import { UserForm } from './user-form.tsx';

type Props = {
  /** An account id, or null to add a new one. */
  userId: string | null;
  municipalities: readonly Choice[];
  onClose: () => void;
  /** Where focus goes after a removal, as the row that opened the drawer is gone. */
  focusAfterDelete: () => HTMLElement | null;
  onCreated: (user: User) => void;
  onMessage: (message: string) => void;
};

/**
 * A refusal the form can show at a field: the server's field list, or a conflict, which on a create can only be a
 * taken e-mail address and on a change or removal only the last admin account.
 */
function formErrorsOf(error: unknown, creating: boolean, t: TFunction): FieldErrors {
  if (!(error instanceof ApiError)) return {};
  if (error.problem.errors?.length) return fieldErrorsFromProblem(error.problem.errors);
  if (error.status === 409) return creating ? { email: t('users.duplicateEmail') } : { _form: t('users.lastAdmin') };
  return {};
}

type Confirming = 'deactivate' | 'delete' | null;

/** The side panel: create or edit an account, (de)activate or remove it. */
export function UserDrawer({ userId, municipalities, onClose, focusAfterDelete, onCreated, onMessage }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const current = useUser(userId);
  const create = useCreateUser();
  const update = useUpdateUser();
  const remove = useDeleteUser();
  const [confirming, setConfirming] = useState<Confirming>(null);
  const writeError = userId ? (update.error ?? remove.error) : create.error;
  const feedback = useDrawerState({ record: current, recordId: userId, writeError, onMessage, focusAfterDelete });
  const serverErrors = useMemo(() => formErrorsOf(writeError, userId === null, t), [writeError, userId, t]);
  const otherError = writeError && !isStale(writeError) && Object.keys(serverErrors).length === 0 ? writeError : null;
  const user = current.data?.data ?? null;

  const onCreate = (input: CreateUserInput) =>
    create.mutate(input, {
      onSuccess: (created) => {
        feedback.saved(t('users.created', { name: created.name }));
        onCreated(created);
      },
    });
  const change = (input: UpdateUserInput, message: (saved: User) => string) => {
    if (!userId || !current.data) return;
    update.mutate(
      { id: userId, etag: current.data.etag, input },
      { onSuccess: (saved) => feedback.saved(message(saved)), onSettled: () => setConfirming(null) },
    );
  };
  const onDelete = () => {
    if (!userId || !current.data || !user) return;
    remove.mutate(
      { id: userId, etag: current.data.etag },
      {
        onSuccess: () => {
          feedback.removed(t('users.deleted', { name: user.name }));
          onClose();
        },
        onSettled: () => setConfirming(null),
      },
    );
  };

  const title = userId ? t('users.editTitle', { name: user?.name ?? '' }) : t('users.newTitle');
  return (
    <Drawer
      title={title}
      onClose={onClose}
      {...feedback.drawerProps}
    >
      {otherError ? <MutationError error={otherError} /> : null}
      {userId && current.isPending ? (
        <Skeleton lines={6} />
      ) : userId && current.isError ? (
        <ErrorState error={current.error} notFound={t('users.notFound')} onRetry={() => void current.refetch()} />
      ) : (
        <>
          {user && (
            <Paragraph className="tm-muted">
              {user.email} · {user.active ? t('users.statusActive') : t('users.statusInactive')} ·{' '}
              {user.lastLoginAt ? t('users.lastLoginAt', { when: f.dateTime(user.lastLoginAt) }) : t('users.neverLoggedIn')}
            </Paragraph>
          )}
          <UserForm
            key={`${userId ?? 'new'}-${user?.updatedAt ?? ''}`}
            original={user}
            municipalities={municipalities}
            serverErrors={serverErrors}
            busy={create.isPending || update.isPending}
            onCreate={onCreate}
            onUpdate={(input) => change(input, (saved) => t('users.saved', { name: saved.name }))}
            extraActions={
              user ? (
                <>
                  {user.active ? (
                    <Button appearance="secondary-action-button" onClick={() => setConfirming('deactivate')}>
                      {t('users.deactivate')}
                    </Button>
                  ) : (
                    <Button appearance="secondary-action-button" busy={update.isPending} onClick={() => change({ active: true }, (saved) => t('users.activated', { name: saved.name }))}>
                      {t('users.activate')}
                    </Button>
                  )}
                  <Button appearance="subtle-button" onClick={() => setConfirming('delete')}>
                    {t('users.delete')}
                  </Button>
                </>
              ) : null
            }
          />
        </>
      )}
      {confirming && user && (
        <ConfirmDialog
          title={t(`users.${confirming}Title`, { name: user.name })}
          body={t(`users.${confirming}Body`)}
          confirmLabel={t(`users.${confirming}`)}
          cancelLabel={t('users.cancel')}
          busy={confirming === 'delete' ? remove.isPending : update.isPending}
          onConfirm={confirming === 'delete' ? onDelete : () => change({ active: false }, (saved) => t('users.deactivated', { name: saved.name }))}
          onCancel={() => setConfirming(null)}
        />
      )}
    </Drawer>
  );
}
