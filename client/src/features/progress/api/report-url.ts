import type { Measure } from '@tm/shared/schemas/progress';
import type { ReportLanguage } from '@tm/shared/schemas/report';
import { API_BASE, toQueryString } from '../../../lib/api.ts';

type ReportParams = { measure: Measure; knownDate: string | undefined; language: ReportLanguage };

/**
 * The PDF report of what the page shows: the same measure and "stand per" date, in the page's language. A plain link:
 * the browser downloads it and names the file from the answer.
 */
export function reportUrl(code: string | undefined, { measure, knownDate, language }: ReportParams): string {
  const path = code ? `/municipalities/${encodeURIComponent(code)}/report` : '/reports/national';
  return `${API_BASE}${path}${toQueryString({ knownAt: knownDate, measure: measure === 'count' ? undefined : measure, lang: language })}`;
}
