import { useTranslation } from 'react-i18next';
import { todayIso } from '@tm/shared/dates';
import { useFormat } from '../../../lib/format.ts';

/**
 * How the figures' date is named: "Doel vandaag" and a "vandaag" marker for today's figures, "Doel per 15 maart
 * 2025" and "stand per 15 mrt 2025" for a past "stand per", so no card claims today for an earlier date.
 */
export function useStandWords(date: string): { target: string; marker: string } {
  const { t } = useTranslation();
  const f = useFormat();
  if (date >= todayIso()) return { target: t('progress.target'), marker: t('charts.today') };
  return { target: t('progress.targetOn', { date: f.date(date) }), marker: t('charts.knownAtMarker', { date: f.shortDate(date) }) };
}
