import { useTranslation } from 'react-i18next';
import { Heading3, Paragraph } from '@utrecht/component-library-react';
import type { Recommendation } from '@tm/shared/schemas/peers';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { compliantAt, VerdictBadge } from '../../catalogue/components/verdict-badge.tsx';

type CardProps = { recommendation: Recommendation; code: string; peers: number };

/**
 * "Voor de Zaakregistratiecomponent gebruiken 12 van de 20 andere gemeenten al een Common Ground-oplossing:", the one
 * list of those products with who uses each, and my legacy applications for it. A product I run too, but as legacy,
 * is marked in the list and explained once.
 */
function RecommendationCard({ recommendation: r, code, peers }: CardProps) {
  const { t, i18n } = useTranslation();
  const headingId = `recommendation-${r.referenceComponentId}`;
  const legacyHere = r.products.filter((p) => p.legacyHere.length > 0).map((p) => p.product);
  return (
    <article className="tm-panel" aria-labelledby={headingId}>
      <Heading3 id={headingId}>{r.referenceComponentName}</Heading3>
      <Paragraph>{t('peers.recommendation', { count: r.peerCount, peers, component: r.referenceComponentName })}</Paragraph>
      <ul className="tm-products">
        {r.products.map((p) => (
          <li key={p.productId}>
            <details>
              <summary>
                {p.product}
                {p.vendor ? ` · ${p.vendor}` : ''} ({t('peers.usedBy', { count: p.municipalityCount })}) <VerdictBadge assessment={compliantAt(p.assessmentLevel)} />
                {p.legacyHere.length > 0 && <strong> {t('peers.legacyHereMark')}</strong>}
              </summary>
              <Paragraph>
                <AppLink href={`/producten/${p.productId}`}>{t('peers.productPage', { product: p.product })}</AppLink>
              </Paragraph>
              <ul>
                {p.municipalities.map((m) => (
                  <li key={m.code}>
                    <AppLink href={`/gemeenten/${m.code}`}>{m.name}</AppLink>
                  </li>
                ))}
              </ul>
              {p.municipalityCount > p.municipalities.length && (
                <Paragraph className="tm-muted">{t('peers.andOthers', { count: p.municipalityCount - p.municipalities.length })}</Paragraph>
              )}
            </details>
          </li>
        ))}
      </ul>
      {r.productCount > r.products.length && (
        <Paragraph className="tm-muted">
          {t('peers.otherProducts', { count: r.productCount - r.products.length })} <AppLink href="/producten">{t('peers.searchCatalogue')}</AppLink>
        </Paragraph>
      )}
      {legacyHere.length > 0 && (
        <Paragraph className="tm-legacy-here">
          {t('peers.legacyHere', { count: legacyHere.length, products: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(legacyHere) })}
        </Paragraph>
      )}
      <Paragraph className="tm-muted">
        {t('peers.mine')}{' '}
        {r.myApplications.map((a, i) => (
          <span key={a.id}>
            {i > 0 && ', '}
            <AppLink href={`/gemeenten/${code}/inventaris?applicatie=${a.id}`}>{a.name}</AppLink> ({t(`layers.${a.layer ?? 'none'}`)})
          </span>
        ))}
      </Paragraph>
    </article>
  );
}

/** The recommendations as cards, in rank order. */
export function RecommendationCards({ id, items, code, peers }: { id: string; items: readonly Recommendation[]; code: string; peers: number }) {
  return (
    <ol id={id} className="tm-cards tm-recommendations">
      {items.map((r) => (
        <li key={r.referenceComponentId}>
          <RecommendationCard recommendation={r} code={code} peers={peers} />
        </li>
      ))}
    </ol>
  );
}
