import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useReducedMotion } from '../../../lib/use-reduced-motion.ts';

export type BarListRow = { label: string; value: number };

/** A ranked horizontal bar chart (most common legacy components, most adopted products). */
export function BarListChart({ rows, valueName }: { rows: readonly BarListRow[]; valueName: string }) {
  const reduced = useReducedMotion();
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={rows as BarListRow[]} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
        <CartesianGrid stroke="#e0e0e0" horizontal={false} />
        <XAxis type="number" allowDecimals={false} />
        <YAxis type="category" dataKey="label" width={200} />
        <Tooltip />
        <Bar dataKey="value" name={valueName} fill="var(--tm-series-actual)" isAnimationActive={!reduced} />
      </BarChart>
    </ResponsiveContainer>
  );
}
