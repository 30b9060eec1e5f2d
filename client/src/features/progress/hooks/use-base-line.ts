import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ProgressSummary } from '@tm/shared/schemas/progress';
import { type Formatters, useFormat } from '../../../lib/format.ts';

type Base = Pick<ProgressSummary, 'measure' | 'compliantCount' | 'landscapeCount' | 'compliantCost' | 'landscapeCost'>;

/**
 * What a share is of, in the measure's own unit: "112 van 479 applicaties", or for the cost measure
 * "€ 1.234 van € 5.678 aan jaarlijkse kosten" (a count of applications is not what a cost share is of).
 * The screens and the report say it the same way.
 */
export function shareBaseLine(summary: Base, t: TFunction, f: Formatters): string {
  return summary.measure === 'cost'
    ? t('progress.costBase', { compliant: f.euro(summary.compliantCost ?? 0), landscape: f.euro(summary.landscapeCost ?? 0) })
    : t('progress.base', { compliant: f.integer(summary.compliantCount), landscape: f.integer(summary.landscapeCount) });
}

export function useBaseLine(summary: Base): string {
  const { t } = useTranslation();
  return shareBaseLine(summary, t, useFormat());
}
