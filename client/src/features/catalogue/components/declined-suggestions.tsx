import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading3, Paragraph } from '@utrecht/component-library-react';
import type { SuggestionDecline } from '@tm/shared/schemas/suggestion';
import { AppLink } from '../../../components/ui/router-link.tsx';
import { useFormat } from '../../../lib/format.ts';
import { useSuggestionDeclines } from '../api/get-suggestion-declines.ts';
import { productPath } from '../product-path.ts';
import { VerdictBadge } from './verdict-badge.tsx';
import { versionAnchor, versionLabel } from './version-label.ts';
import { WorkPanel } from './work-panel.tsx';

const PAGE_SIZE = 50;

type VersionDeclines = { first: SuggestionDecline; declines: SuggestionDecline[] };

/** The page's declines by the version they are about, in the order of each version's newest decline. */
function byVersion(items: readonly SuggestionDecline[]): VersionDeclines[] {
  const groups = new Map<string, VersionDeclines>();
  for (const d of items) {
    const group = groups.get(d.productVersion.id);
    if (group) group.declines.push(d);
    else groups.set(d.productVersion.id, { first: d, declines: [d] });
  }
  return [...groups.values()];
}

/**
 * Suggestions editors declined, with their reasons, per version (PRODUCT §9): several municipalities declining the
 * same verdict is a sign that it may be wrong, and the version's page is where the steward judges it again.
 */
export function DeclinedSuggestions() {
  const { t } = useTranslation();
  const f = useFormat();
  const [page, setPage] = useState(1);
  const declines = useSuggestionDeclines({ page, pageSize: PAGE_SIZE });
  return (
    <WorkPanel
      id="work-declines"
      title={t('catalogueWork.declines.title')}
      intro={t('catalogueWork.declines.intro')}
      summary={(total) => t('catalogueWork.declines.total', { count: total, formatted: f.integer(total) })}
      empty={t('catalogueWork.declines.empty')}
      pagerLabel={t('catalogueWork.declines.pager')}
      list={declines}
      page={page}
      pageSize={PAGE_SIZE}
      onPage={setPage}
    >
      {(items) =>
        byVersion(items).map(({ first, declines: group }) => {
          const version = versionLabel(first.productVersion.version, t);
          const headingId = `declines-${first.productVersion.id}`;
          return (
            <section key={first.productVersion.id} className="tm-declines" aria-labelledby={headingId}>
              <Heading3 id={headingId}>
                <AppLink href={`${productPath(first.product.id)}#${versionAnchor(first.productVersion.id)}`}>
                  {t('catalogueWork.unassessed.name', { product: first.product.name, version })}
                </AppLink>{' '}
                <VerdictBadge assessment={first.assessment} />
              </Heading3>
              <ul className="tm-declines__list">
                {group.map((d) => (
                  <li key={d.id}>
                    <Paragraph>
                      <strong>{d.municipality.name}</strong> · {d.application.name}
                    </Paragraph>
                    <blockquote className="tm-declines__reason">{d.reason}</blockquote>
                    <Paragraph className="tm-muted">{t('catalogueWork.declines.by', { actor: d.actor.name, date: f.date(d.recordedAt) })}</Paragraph>
                  </li>
                ))}
              </ul>
            </section>
          );
        })
      }
    </WorkPanel>
  );
}
