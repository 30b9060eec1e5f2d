import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import { CRITERIA } from '@tm/shared/schemas/application';
import type { Assessment } from '@tm/shared/schemas/assessment';
import { useFormat } from '../../../lib/format.ts';
import { EvidenceText } from './evidence-text.tsx';
import { VerdictBadge } from './verdict-badge.tsx';

/** Every judgement of a version, newest first: verdict, from when, who and when, the criteria and the evidence. */
export function AssessmentHistory({ assessments }: { assessments: readonly Assessment[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (assessments.length === 0) return <Paragraph className="tm-muted">{t('catalogue.history.none')}</Paragraph>;
  return (
    <ol className="tm-timeline" aria-label={t('catalogue.history.label')}>
      {assessments.map((a) => {
        const met = CRITERIA.filter((c) => a.criteria[c] === true).map((c) => t(`criteria.${c}`));
        const unmet = CRITERIA.filter((c) => a.criteria[c] === false).map((c) => t(`criteria.${c}`));
        const recorded = { recorded: f.date(a.recordedAt), actor: a.actor?.name };
        return (
          <li key={a.id}>
            <p className="tm-history__head">
              <VerdictBadge assessment={a} /> {t('catalogue.history.from', { date: f.date(a.effectiveDate) })}
            </p>
            <p className="tm-history__line">{a.actor ? t('catalogue.history.recordedBy', recorded) : t('catalogue.history.recorded', recorded)}</p>
            {met.length > 0 && <p className="tm-history__line">{t('catalogue.history.met', { criteria: f.list(met) })}</p>}
            {unmet.length > 0 && <p className="tm-history__line">{t('catalogue.history.unmet', { criteria: f.list(unmet) })}</p>}
            <p className="tm-history__line">
              {t('catalogue.history.evidence')} <EvidenceText evidence={a.evidence} />
            </p>
          </li>
        );
      })}
    </ol>
  );
}
