import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import type { ApiToken } from '@tm/shared/schemas/account';
import { EmptyState, ErrorState, MutationError, Skeleton } from '../../../components/ui/query-state.tsx';
import { StatusMessage } from '../../../components/ui/status-message.tsx';
import { ApiError } from '../../../lib/api.ts';
import { fieldErrorsFromProblem } from '../../../lib/field-errors.ts';
import { useCreateToken, useOwnTokens, useRevokeToken } from '../api/api-tokens.ts';
import { isAdmin, useSession } from '../api/session.ts';
import { ApiTokenForm } from './api-token-form.tsx';
import { ApiTokensTable } from './api-tokens-table.tsx';
import { CreatedApiToken } from './created-api-token.tsx';
import { RevokeApiTokenDialog } from './revoke-api-token-dialog.tsx';

/** The server's maximum lifetime unless configured otherwise; a shorter one comes back as the field's error. */
const MAX_DAYS = 365;

/** Personal API tokens for scripts (PRODUCT §6): make one in this browser session, see them all, revoke any. */
export function OwnApiTokensPanel() {
  const { t } = useTranslation();
  const session = useSession();
  const tokens = useOwnTokens();
  const create = useCreateToken();
  const revoke = useRevokeToken('own');
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const serverErrors = useMemo(
    () => (create.error instanceof ApiError && create.error.problem.errors?.length ? fieldErrorsFromProblem(create.error.problem.errors) : {}),
    [create.error],
  );
  const otherError = create.error && Object.keys(serverErrors).length === 0 ? create.error : (revoke.error ?? null);

  return (
    <section className="tm-panel" aria-labelledby="own-tokens-heading">
      <Heading2 id="own-tokens-heading" tabIndex={-1}>
        {t('apiTokens.ownTitle')}
      </Heading2>
      <Paragraph>{t('apiTokens.intro')}</Paragraph>
      <StatusMessage message={message} />
      {otherError ? <MutationError error={otherError} /> : null}
      {create.data && <CreatedApiToken name={create.data.name} token={create.data.token} />}
      <ApiTokenForm
        canAdmin={isAdmin(session.data)}
        maxDays={MAX_DAYS}
        serverErrors={serverErrors}
        busy={create.isPending}
        onCreate={(input) => {
          setMessage(null);
          create.mutate(input);
        }}
      />
      {tokens.isPending ? (
        <Skeleton lines={3} />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.items.length === 0 ? (
        <EmptyState>{t('apiTokens.noneOwn')}</EmptyState>
      ) : (
        <ApiTokensTable caption={t('apiTokens.ownTitle')} tokens={tokens.data.items} onRevoke={setRevoking} />
      )}
      {revoking && (
        <RevokeApiTokenDialog
          token={revoking}
          busy={revoke.isPending}
          onCancel={() => setRevoking(null)}
          onConfirm={() =>
            revoke.mutate(revoking.id, {
              onSuccess: () => {
                setMessage(t('apiTokens.revoked', { name: revoking.name }));
                create.reset();
              },
              onSettled: () => {
                setRevoking(null);
                document.getElementById('own-tokens-heading')?.focus();
              },
            })
          }
        />
      )}
    </section>
  );
}
