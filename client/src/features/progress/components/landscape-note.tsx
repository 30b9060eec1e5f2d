import { useTranslation } from 'react-i18next';
import { Paragraph } from '@utrecht/component-library-react';
import type { LifecycleCounts } from '@tm/shared/schemas/progress';
import { useFormat } from '../../../lib/format.ts';

/**
 * Why the inventory lists more applications than the figures count: planned ones are not in the landscape yet,
 * retired ones no longer. Says nothing when the two are the same.
 */
export function LandscapeNote({ counts }: { counts: LifecycleCounts }) {
  const { t } = useTranslation();
  const f = useFormat();
  const landscape = counts.inProduction + counts.phasingOut;
  const total = landscape + counts.planned + counts.phasedOut;
  if (total === landscape) return null;
  const parts = [
    counts.planned > 0 ? t('progress.outsidePlanned', { count: counts.planned, formatted: f.integer(counts.planned) }) : null,
    counts.phasedOut > 0 ? t('progress.outsideRetired', { count: counts.phasedOut, formatted: f.integer(counts.phasedOut) }) : null,
  ].filter((p): p is string => p !== null);
  return (
    <Paragraph className="tm-note">
      {t('progress.landscapeOf', { count: total, formatted: f.integer(total), landscape: f.integer(landscape) })}{' '}
      {t('progress.outside', { parts: f.list(parts) })}
    </Paragraph>
  );
}
