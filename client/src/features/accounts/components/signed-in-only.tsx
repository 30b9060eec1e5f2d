import type { ReactNode } from 'react';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { Session } from '@tm/shared/schemas/account';
import { ErrorState, Skeleton } from '../../../components/ui/query-state.tsx';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { useSession } from '../api/session.ts';

type Props = {
  /** The words of the log-in link a visitor gets instead. */
  logIn: string;
  /** Where the log-in brings the visitor back: this page. */
  returnTo: string;
  children: (session: Session) => ReactNode;
};

/** A page's content for accounts only; a visitor is offered the log-in that brings them back here. */
export function SignedInOnly({ logIn, returnTo, children }: Props) {
  const session = useSession();
  if (session.isPending) return <Skeleton />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data)
    return (
      <Alert type="info">
        <Paragraph>
          <AppLink href={`/inloggen?terug=${encodeURIComponent(returnTo)}`}>{logIn}</AppLink>
        </Paragraph>
      </Alert>
    );
  return <>{children(session.data)}</>;
}
