import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartBox } from '../../../components/charts/chart-box.tsx';
import { PALETTE } from '../../../components/charts/palette.ts';
import { useReducedMotion } from '../../../lib/use-reduced-motion.ts';

export type BarListRow = { label: string; value: number };

/** A ranked horizontal bar chart (most common legacy components, most adopted products). */
export function BarListChart({ rows, valueName }: { rows: readonly BarListRow[]; valueName: string }) {
  const reduced = useReducedMotion();
  return (
    <ChartBox>
      <BarChart data={rows as BarListRow[]} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid stroke="#e0e0e0" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={200} />
        <Tooltip />
        <Bar dataKey="value" name={valueName} fill={PALETTE.actual} isAnimationActive={!reduced} />
      </BarChart>
    </ChartBox>
  );
}
