import { useTranslation } from 'react-i18next';
import { Heading1, Paragraph } from '@utrecht/component-library-react';
import { ErrorState, Skeleton } from '../../components/ui/query-state.tsx';
import { AppLink } from '../../components/ui/router-link.tsx';
import { useSession } from '../../features/accounts/api/session.ts';
import { OwnApiTokensPanel } from '../../features/accounts/components/own-api-tokens-panel.tsx';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { API_TOKENS_PATH } from '../paths.ts';

/** Mijn API-tokens: every account's own tokens for scripts, made only here, in a browser session. */
export function ApiTokensPage() {
  const { t } = useTranslation();
  usePageTitle(t('apiTokens.ownTitle'));
  const session = useSession();
  return (
    <>
      <Heading1>{t('apiTokens.ownTitle')}</Heading1>
      {session.isPending ? (
        <Skeleton />
      ) : session.isError ? (
        <ErrorState error={session.error} onRetry={() => void session.refetch()} />
      ) : !session.data ? (
        <Paragraph>
          <AppLink href={`/inloggen?terug=${encodeURIComponent(API_TOKENS_PATH)}`}>{t('apiTokens.loginFirst')}</AppLink>
        </Paragraph>
      ) : (
        <OwnApiTokensPanel />
      )}
    </>
  );
}
