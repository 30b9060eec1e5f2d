import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, UnorderedList, UnorderedListItem } from '@utrecht/component-library-react';
import type { Coalition, CoalitionDetail } from '@tm/shared/schemas/coalition';
import { MutationError } from '../../../components/ui/query-state.tsx';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { useJoinCoalition, useLeaveCoalition } from '../api/coalition-mutations.ts';
import { DescribeCoalitionForm } from './describe-coalition-form.tsx';
import type { OwnMunicipality } from './own-municipality.ts';

type Props = {
  coalition: Coalition | CoalitionDetail;
  /** The editor's municipalities, each with a button to join or leave. */
  own: readonly OwnMunicipality[];
  /** Given, the product is named as a link to its page (outside the product's own page). */
  productHref?: ((id: string) => string) | undefined;
  /** The reader's account: its coordinator may describe the coalition. */
  userId?: string | undefined;
};

/** One coalition: who takes part, how many have replaced the product against the target year, and who could. */
export function CoalitionCard({ coalition: c, own, productHref, userId }: Props) {
  const { t } = useTranslation();
  const join = useJoinCoalition();
  const leave = useLeaveCoalition();
  const [describing, setDescribing] = useState(false);
  const coordinates = userId !== undefined && c.coordinator.id === userId;
  const memberCodes = new Set(c.members.map((m) => m.municipalityCode));
  const productName = c.product.vendor ? `${c.product.name} (${c.product.vendor})` : c.product.name;
  const candidates = 'candidates' in c ? c.candidates : null;
  return (
    <article className="tm-coalition" aria-labelledby={`coalition-${c.id}`}>
      <h3 id={`coalition-${c.id}`} className="utrecht-heading-3">
        {c.name}
      </h3>
      <Paragraph>
        {productHref ? (
          <>
            {t('collective.coalition.product')} <AppLink href={productHref(c.productId)}>{productName}</AppLink> ·{' '}
          </>
        ) : null}
        {t('collective.coalition.target', { year: c.targetYear })} · {t('collective.coalition.coordinator', { name: c.coordinator.name })}
      </Paragraph>
      {describing ? (
        <DescribeCoalitionForm coalition={c} onDone={() => setDescribing(false)} />
      ) : (
        <>
          {c.description && <Paragraph>{c.description}</Paragraph>}
          {coordinates && (
            <Button appearance="subtle-button" onClick={() => setDescribing(true)}>
              {t('collective.describe.open')}
            </Button>
          )}
        </>
      )}
      <Paragraph>
        <label htmlFor={`coalition-${c.id}-progress`}>{t('collective.coalition.progress', { replaced: c.replacedCount, count: c.members.length, year: c.targetYear })}</label>{' '}
        <progress id={`coalition-${c.id}-progress`} value={c.replacedCount} max={Math.max(1, c.members.length)} />
      </Paragraph>
      {c.members.length > 0 && (
        <UnorderedList aria-label={t('collective.coalition.members')}>
          {c.members.map((m) => (
            <UnorderedListItem key={m.municipalityCode}>
              {m.name}: {m.replaced ? t('collective.coalition.replaced') : t('collective.coalition.notReplaced')}
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
      {candidates && (
        <Paragraph>
          {candidates.length === 0
            ? t('collective.coalition.noCandidates')
            : t('collective.coalition.candidates', { names: candidates.map((m) => t('collective.coalition.candidate', { name: m.name, year: m.plannedReplacementYear })).join(', ') })}
        </Paragraph>
      )}
      {own.length > 0 && (
        <div className="tm-actions">
          {own.map((m) =>
            memberCodes.has(m.code) ? (
              <Button key={m.code} appearance="secondary-action-button" busy={leave.isPending} onClick={() => leave.mutate({ id: c.id, municipalityCode: m.code })}>
                {t('collective.coalition.leave', { name: m.name })}
              </Button>
            ) : (
              <Button key={m.code} appearance="primary-action-button" busy={join.isPending} onClick={() => join.mutate({ id: c.id, municipalityCode: m.code })}>
                {t('collective.coalition.join', { name: m.name })}
              </Button>
            ),
          )}
        </div>
      )}
      {join.isError && <MutationError error={join.error} />}
      {leave.isError && <MutationError error={leave.error} />}
    </article>
  );
}
