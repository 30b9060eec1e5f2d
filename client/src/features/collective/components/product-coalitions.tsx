import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { ErrorState, Skeleton } from '../../../components/ui/query-state.tsx';
import { useCoalition, useCoalitions } from '../api/get-coalitions.ts';
import { CoalitionCard } from './coalition-card.tsx';
import type { OwnMunicipality } from './own-municipality.ts';
import { StartCoalitionForm } from './start-coalition-form.tsx';

type Reader = { own: readonly OwnMunicipality[]; userId?: string | undefined };

function CoalitionWithCandidates({ id, own, userId }: Reader & { id: string }) {
  const coalition = useCoalition(id);
  if (coalition.isPending) return <Skeleton lines={3} />;
  if (coalition.isError) return <ErrorState error={coalition.error} onRetry={() => void coalition.refetch()} />;
  return <CoalitionCard coalition={coalition.data} own={own} userId={userId} />;
}

/** A product's coalitions (PRODUCT §10), each with its candidates; editors join, leave, or start one. */
export function ProductCoalitions({ productId, signedIn, own, userId }: Reader & { productId: string; signedIn: boolean }) {
  const { t } = useTranslation();
  const id = useId();
  const coalitions = useCoalitions({ productId, pageSize: 50 }, { enabled: signedIn });
  return (
    <section className="tm-panel" aria-labelledby={`${id}-title`}>
      <Heading2 id={`${id}-title`}>{t('collective.coalitions.title')}</Heading2>
      <Paragraph className="tm-muted">{t('collective.coalitions.description')}</Paragraph>
      {!signedIn ? (
        <Paragraph>{t('collective.coalitions.logIn')}</Paragraph>
      ) : coalitions.isPending ? (
        <Skeleton lines={4} />
      ) : coalitions.isError ? (
        <ErrorState error={coalitions.error} onRetry={() => void coalitions.refetch()} />
      ) : (
        <>
          {coalitions.data.items.length === 0 ? (
            <Paragraph>{t('collective.coalitions.none')}</Paragraph>
          ) : (
            <div className="tm-coalitions">
              {coalitions.data.items.map((c) => (
                <CoalitionWithCandidates key={c.id} id={c.id} own={own} userId={userId} />
              ))}
            </div>
          )}
          {own.length > 0 && <StartCoalitionForm productId={productId} own={own} />}
        </>
      )}
    </section>
  );
}
