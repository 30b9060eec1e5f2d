import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import type { OwnedApiToken } from '@tm/shared/schemas/account';
import { Pager } from '../../../components/ui/pager.tsx';
import { EmptyState, ErrorState, MutationError, Skeleton } from '../../../components/ui/query-state.tsx';
import { StatusMessage } from '../../../components/ui/status-message.tsx';
import { useEveryonesTokens, useRevokeToken } from '../api/api-tokens.ts';
import { ApiTokensTable } from './api-tokens-table.tsx';
import { RevokeApiTokenDialog } from './revoke-api-token-dialog.tsx';

const PAGE_SIZE = 50;

/** Beheer: every account's live tokens, to revoke one that leaked or whose owner left. */
export function EveryonesApiTokensPanel() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const tokens = useEveryonesTokens({ page, pageSize: PAGE_SIZE });
  const revoke = useRevokeToken('any');
  const [revoking, setRevoking] = useState<OwnedApiToken | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <section className="tm-panel" aria-labelledby="everyones-tokens-heading">
      <Heading2 id="everyones-tokens-heading" tabIndex={-1}>
        {t('apiTokens.everyoneTitle')}
      </Heading2>
      <Paragraph>{t('apiTokens.everyoneIntro')}</Paragraph>
      <StatusMessage message={message} />
      {revoke.error ? <MutationError error={revoke.error} /> : null}
      {tokens.isPending ? (
        <Skeleton lines={4} />
      ) : tokens.isError ? (
        <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.total === 0 ? (
        <EmptyState>{t('apiTokens.noneAtAll')}</EmptyState>
      ) : (
        <>
          <Paragraph className="tm-muted">{t('apiTokens.count', { count: tokens.data.total })}</Paragraph>
          <ApiTokensTable caption={t('apiTokens.everyoneTitle')} tokens={tokens.data.items} ownerOf={(token) => token.owner} onRevoke={setRevoking} />
          {tokens.data.total > PAGE_SIZE && (
            <Pager label={t('apiTokens.pager')} page={page} pages={Math.ceil(tokens.data.total / PAGE_SIZE)} onPage={setPage} />
          )}
        </>
      )}
      {revoking && (
        <RevokeApiTokenDialog
          token={revoking}
          owner={revoking.owner.name}
          busy={revoke.isPending}
          onCancel={() => setRevoking(null)}
          onConfirm={() =>
            revoke.mutate(revoking.id, {
              onSuccess: () => setMessage(t('apiTokens.revokedOf', { name: revoking.name, owner: revoking.owner.name })),
              onSettled: () => {
                setRevoking(null);
                document.getElementById('everyones-tokens-heading')?.focus();
              },
            })
          }
        />
      )}
    </section>
  );
}
