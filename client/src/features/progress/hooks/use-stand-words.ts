import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { todayIso } from '@tm/shared/dates';
import { type Formatters, useFormat } from '../../../lib/format.ts';

export type StandWords = { target: string; marker: string };

/**
 * How the figures' date is named: "Doel vandaag" and a "vandaag" marker for today's figures, "Doel per 15 maart
 * 2025" and "stand per 15 mrt 2025" for a past "stand per", so no card claims today for an earlier date.
 */
export function standWords(date: string, t: TFunction, f: Formatters): StandWords {
  if (date >= todayIso()) return { target: t('progress.target'), marker: t('charts.today') };
  return { target: t('progress.targetOn', { date: f.date(date) }), marker: t('charts.knownAtMarker', { date: f.shortDate(date) }) };
}

export function useStandWords(date: string): StandWords {
  const { t } = useTranslation();
  return standWords(date, t, useFormat());
}
