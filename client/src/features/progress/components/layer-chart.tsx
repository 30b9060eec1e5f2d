import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartBox } from '../../../components/charts/chart-box.tsx';
import { PALETTE } from '../../../components/charts/palette.ts';
import { useReducedMotion } from '../../../lib/use-reduced-motion.ts';
import type { LayerRow } from '../hooks/shape.ts';

/** Applications per layer, stacked: Common Ground / in transition / legacy. */
export function LayerChart({ rows }: { rows: readonly LayerRow[] }) {
  const { t } = useTranslation();
  const reduced = useReducedMotion();
  return (
    <ChartBox>
      <BarChart data={rows as LayerRow[]} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 16 }}>
        <CartesianGrid stroke="#e0e0e0" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="key" width={90} />
        <Tooltip />
        <Legend />
        <Bar dataKey="compliant" name={t('statuses.compliant')} stackId="a" fill={PALETTE.compliant} isAnimationActive={!reduced} />
        <Bar dataKey="inTransition" name={t('statuses.in_transition')} stackId="a" fill={PALETTE.transition} isAnimationActive={!reduced} />
        <Bar dataKey="legacy" name={t('statuses.legacy')} stackId="a" fill={PALETTE.legacy} isAnimationActive={!reduced} />
      </BarChart>
    </ChartBox>
  );
}
