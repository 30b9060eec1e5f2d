import { useTranslation } from 'react-i18next';
import { ChartPanel } from '../../../components/charts/chart-panel.tsx';
import { useFormat } from '../../../lib/format.ts';
import type { ShareRow } from '../hooks/shape.ts';
import { useStandWords } from '../hooks/use-stand-words.ts';
import { ShareChart } from './charts.tsx';

type Props = { rows: readonly ShareRow[]; today: string; targetLabel: string; description: string | undefined; filename: string };

/** Share against target over time, with its table and CSV: the same panel nationally and for one municipality. */
export function ShareTrendPanel({ rows, today, targetLabel, description, filename }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const stand = useStandWords(today);
  return (
    <ChartPanel
      title={t('progress.trendTitle')}
      description={description}
      rows={rows.filter((r) => r.actual !== null || r.target !== null)}
      filename={filename}
      columns={[
        { header: t('charts.month'), value: (r) => r.date.slice(0, 7), display: (r) => f.month(r.date) },
        // The target's deadline lies ahead: no share there yet, and none missing either.
        { header: t('charts.share'), value: (r) => r.actual, display: (r) => (r.actual !== null ? f.percent(r.actual / 100) : r.date > today ? '' : t('states.noData')), numeric: true },
        { header: t('charts.target'), value: (r) => r.target, display: (r) => (r.target === null ? '' : f.percent(r.target / 100)), numeric: true },
        { header: t('charts.landscape'), value: (r) => r.landscapeCount, numeric: true },
        { header: t('charts.compliant'), value: (r) => r.compliantCount, numeric: true },
      ]}
    >
      <ShareChart rows={rows} today={today} marker={stand.marker} targetLabel={targetLabel} />
    </ChartPanel>
  );
}
