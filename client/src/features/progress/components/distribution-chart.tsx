import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartBox } from '../../../components/charts/chart-box.tsx';
import { PALETTE } from '../../../components/charts/palette.ts';
import { useReducedMotion } from '../../../lib/use-reduced-motion.ts';

export type BinRow = { label: string; from: number; to: number; count: number };

/** Histogram of municipal shares with today's target as a vertical line. */
export function DistributionChart({ rows, targetLabel }: { rows: readonly BinRow[]; targetLabel: string | null }) {
  const { t } = useTranslation();
  const reduced = useReducedMotion();
  return (
    <ChartBox>
      <BarChart data={rows as BinRow[]} margin={{ top: 16, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="#e0e0e0" vertical={false} />
        <XAxis dataKey="label" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Bar dataKey="count" name={t('progress.municipalities')} fill={PALETTE.actual} isAnimationActive={!reduced} />
        {targetLabel && <ReferenceLine x={targetLabel} stroke={PALETTE.target} strokeDasharray="8 5" strokeWidth={2} label={{ value: t('progress.targetToday'), position: 'top', fill: '#333' }} />}
      </BarChart>
    </ChartBox>
  );
}
