import { useTranslation } from 'react-i18next';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import type { ProgressSummary } from '@tm/shared/schemas/progress';
import { Kpi } from '../../../components/ui/kpi.tsx';
import { useFormat } from '../../../lib/format.ts';

type Figures = Pick<ProgressSummary, 'share' | 'verifiedShare' | 'verifiedCoverage' | 'disagreementCount'>;

/** A difference smaller than the tenth of a point the shares are shown in reads as none. */
const SHOWN_POINTS = 0.0005;

/** What the difference between the reported and the verified share means, as one of the sentences' keys. */
export function differenceKind({ share, verifiedShare, verifiedCoverage }: Figures): 'unverified' | 'equal' | 'lower' | 'higher' {
  if (share === null || verifiedShare === null || !verifiedCoverage) return 'unverified';
  const difference = verifiedShare - share;
  if (Math.abs(difference) < SHOWN_POINTS) return 'equal';
  return difference < 0 ? 'lower' : 'higher';
}

/**
 * PRODUCT §9, consistency: the share as the municipalities report it beside the share the catalogue's verified
 * verdicts give, how much of the landscape they cover and how many applications depart from them, with a sentence
 * on what the difference means. The board sees how far a figure rests on the municipalities' own judgement.
 */
export function VerifiedFigures({ summary }: { summary: Figures }) {
  const { t } = useTranslation();
  const f = useFormat();
  const orNone = (v: number | null) => (v === null ? t('states.noData') : f.percent(v));
  const kind = differenceKind(summary);
  const points = summary.share === null || summary.verifiedShare === null ? 0 : Math.abs(summary.verifiedShare - summary.share) * 100;
  return (
    <section className="tm-panel" aria-labelledby="verified-title">
      <Heading2 id="verified-title">{t('verifiedFigures.title')}</Heading2>
      <ul className="tm-kpis" aria-labelledby="verified-title">
        <Kpi label={t('verifiedFigures.reported')} value={orNone(summary.share)} />
        <Kpi label={t('verifiedFigures.verified')} value={orNone(summary.verifiedShare)} />
        <Kpi
          label={t('verifiedFigures.coverage')}
          value={orNone(summary.verifiedCoverage)}
          base={t('verifiedFigures.disagreements', { count: summary.disagreementCount, formatted: f.integer(summary.disagreementCount) })}
        />
      </ul>
      <Paragraph>
        {t('verifiedFigures.explained')} {t(`verifiedFigures.difference.${kind}`, { points: f.decimal(points) })}
      </Paragraph>
    </section>
  );
}
