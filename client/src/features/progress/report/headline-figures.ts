/**
 * The headline figures of a summary in the words of the screens' cards: the share with its base, and today's
 * target. The PDF report and the first screen the server sends (`app/first-screen.tsx`) both give them.
 */
import type { TFunction } from 'i18next';
import type { ProgressSummary } from '@tm/shared/schemas/progress';
import type { ReportFigure } from '@tm/shared/schemas/report';
import type { Formatters } from '../../../lib/format.ts';
import { shareBaseLine } from '../hooks/use-base-line.ts';
import { standWords } from '../hooks/use-stand-words.ts';

export type Words = { t: TFunction; f: Formatters };
/** What national and municipal summaries have in common. */
export type Summary = Omit<ProgressSummary, 'gap'>;

/** The share's base as the cards give it: applications, or euros in the cost measure; completeness is of today only. */
function shareBase(summary: Summary, dated: boolean, { t, f }: Words): string {
  const base = shareBaseLine(summary, t, f);
  const score = summary.completeness.score;
  return score === null || dated ? base : `${base}; ${t('progress.completeness', { score: f.wholePercent(score) })}`;
}

export function commonFigures(summary: Summary, dated: boolean, words: Words): ReportFigure[] {
  const { t, f } = words;
  return [
    { label: t('progress.share'), value: summary.share === null ? t('states.noData') : f.percent(summary.share), base: shareBase(summary, dated, words) },
    { label: standWords(summary.date, t, f).target, value: f.percent(summary.target), base: t('progress.deadline', { date: f.date(summary.deadline) }) },
  ];
}

