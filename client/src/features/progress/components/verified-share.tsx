import { useTranslation } from 'react-i18next';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { Kpi } from '../../../components/ui/kpi.tsx';
import { useShareText } from '../../../components/ui/share-text.tsx';
import { useFormat } from '../../../lib/format.ts';

type Props = {
  share: number | null;
  compliantCount: number;
  landscapeCount: number;
  /** Applications of a verified version counted by that verdict, the rest as reported (PRODUCT §9). */
  verifiedShare: number | null;
  /** The part of the landscape whose version has a verified verdict: the base of the verified share. */
  verifiedCoverage: number | null;
  disagreementCount: number;
};

/** The difference between a share and the verified one, in whole tenths of a point, as the KPIs show them. */
function direction(share: number, verified: number): 'lower' | 'higher' | 'same' {
  const difference = Math.round((verified - share) * 1000);
  return difference < 0 ? 'lower' : difference > 0 ? 'higher' : 'same';
}

/**
 * The reported share beside the verified one, coverage as its base, and one sentence on what the difference means:
 * municipalities' own statuses against the catalogue's shared judgements (UI.md, PRODUCT §9).
 */
export function VerifiedShare({ share, compliantCount, landscapeCount, verifiedShare, verifiedCoverage, disagreementCount }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const shareText = useShareText();
  const none = t('states.noData');
  const kind = share === null || verifiedShare === null ? 'none' : direction(share, verifiedShare);
  const points = share === null || verifiedShare === null ? '' : f.points(Math.abs(verifiedShare - share) * 100);
  return (
    <section className="tm-panel" aria-labelledby="verified-share-heading">
      <Heading2 id="verified-share-heading">{t('verifiedShare.title')}</Heading2>
      <ul className="tm-kpis" aria-labelledby="verified-share-heading">
        <Kpi label={t('verifiedShare.reported')} value={share === null ? none : f.percent(share)} base={shareText(share, compliantCount, landscapeCount)} />
        <Kpi
          label={t('verifiedShare.verified')}
          value={verifiedShare === null ? none : f.percent(verifiedShare)}
          base={verifiedCoverage === null ? undefined : t('verifiedShare.coverageBase', { coverage: f.percent(verifiedCoverage) })}
        />
        <Kpi label={t('verifiedShare.coverage')} value={verifiedCoverage === null ? none : f.percent(verifiedCoverage)} base={t('verifiedShare.coverageHint')} />
        <Kpi
          label={t('verifiedShare.disagreements')}
          value={f.integer(disagreementCount)}
          base={t('verifiedShare.disagreementsHint', { count: disagreementCount })}
        />
      </ul>
      <Paragraph>
        {t(`verifiedShare.meaning.${kind}`, {
          points,
          coverage: verifiedCoverage === null ? none : f.percent(verifiedCoverage),
          count: disagreementCount,
          formatted: f.integer(disagreementCount),
        })}
      </Paragraph>
    </section>
  );
}
