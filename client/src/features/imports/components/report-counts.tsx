import { useTranslation } from 'react-i18next';
import type { ImportReport } from '@tm/shared/schemas/import';
import { useFormat } from '../../../lib/format.ts';
import { reportCounts } from '../hooks/report-shape.ts';

/** The report's figures: what would change (a dry run or a refused commit) or what did (a commit). */
export function ReportCounts({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const f = useFormat();
  const tense = report.committed ? 'done' : 'planned';
  return (
    <dl className="tm-counts" aria-label={t('imports.report.counts')}>
      {reportCounts(report).map(({ key, value }) => (
        <div key={key} className="tm-counts__item">
          <dt>{t(`imports.counts.${tense}.${key}`)}</dt>
          <dd>{f.integer(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
