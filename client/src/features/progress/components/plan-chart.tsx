import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, Cell, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useReducedMotion } from '../../../lib/use-reduced-motion.ts';
import type { PlanRow } from '../hooks/shape.ts';

/** Planned replacements per year as bars, the number needed as a line; a year short of the need is hatched grey. */
export function PlanChart({ rows }: { rows: readonly PlanRow[] }) {
  const { t } = useTranslation();
  const reduced = useReducedMotion();
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={rows as PlanRow[]} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="#e0e0e0" vertical={false} />
        <XAxis dataKey="year" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Legend />
        <Bar dataKey="planned" name={t('progress.planned')} isAnimationActive={!reduced} fill="var(--tm-compliant)">
          {rows.map((r) => (
            <Cell key={r.year} fill={r.short ? 'var(--tm-transition)' : 'var(--tm-compliant)'} />
          ))}
        </Bar>
        <Line dataKey="needed" name={t('progress.needed')} stroke="#000" strokeWidth={2} strokeDasharray="8 5" isAnimationActive={!reduced} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
