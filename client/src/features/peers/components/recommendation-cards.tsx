import { useTranslation } from 'react-i18next';
import { Heading3, Paragraph } from '@utrecht/component-library-react';
import type { Recommendation } from '@tm/shared/schemas/peers';
import { AppLink } from '../../../components/ui/router-link.tsx';

/** "Voor de Zaakregistratiecomponent gebruiken 12 vergelijkbare gemeenten al een Common Ground-oplossing: …" */
export function RecommendationCards({ items }: { items: readonly Recommendation[] }) {
  const { t } = useTranslation();
  return (
    <div className="tm-cards">
      {items.map((r) => (
        <article key={r.referenceComponentId} className="tm-panel">
          <Heading3>{r.referenceComponentName}</Heading3>
          <Paragraph>
            {t('peers.recommendation', {
              count: r.peerCount,
              component: r.referenceComponentName,
              products: r.products.map((p) => `${p.product} (${p.municipalityCount})`).join(', '),
            })}
          </Paragraph>
          {r.myApplications.length > 0 && (
            <Paragraph className="tm-muted">{t('peers.mine', { names: r.myApplications.map((a) => a.name).join(', ') })}</Paragraph>
          )}
          {r.products.map((p) => (
            <details key={`${p.product}-${p.vendor ?? ''}`}>
              <summary>
                {p.product}
                {p.vendor ? ` · ${p.vendor}` : ''} — {t('peers.usedBy', { count: p.municipalityCount })}
              </summary>
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
          ))}
        </article>
      ))}
    </div>
  );
}
