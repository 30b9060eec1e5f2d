import { useTranslation } from 'react-i18next';
import { CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartBox } from '../../../components/charts/chart-box.tsx';
import { PALETTE } from '../../../components/charts/palette.ts';
import { useFormat } from '../../../lib/format.ts';
import { useReducedMotion } from '../../../lib/use-reduced-motion.ts';
import { todayMarker, yearTicks, type ShareRow } from '../hooks/shape.ts';

type Props = { rows: readonly ShareRow[]; today: string; marker: string; targetLabel: string };

/**
 * Actual share solid, target dashed up to its deadline (100%), forecast dotted, a marker at the figures' date
 * ("vandaag"); 0–100% always.
 */
export function ShareChart({ rows, today, marker: markerLabel, targetLabel }: Props) {
  const { t } = useTranslation();
  const f = useFormat();
  const reduced = useReducedMotion();
  const todayTime = Date.parse(`${today}T00:00:00Z`);
  const marker = todayMarker(rows, todayTime);
  const percent = (v: number) => f.percent(v / 100);
  return (
    <ChartBox>
      <ComposedChart data={rows as ShareRow[]} margin={{ top: 16, right: 24, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="#e0e0e0" />
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          domain={['dataMin', marker.axisEnd]}
          ticks={yearTicks([...rows, { time: marker.axisEnd }])}
          tickFormatter={(time: number) => String(new Date(time).getUTCFullYear())}
        />
        <YAxis domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} tickFormatter={(v: number) => `${v}%`} allowDataOverflow />
        <Tooltip
          labelFormatter={(time) => f.month(new Date(Number(time)).toISOString())}
          formatter={(value, name, item) => {
            const row = item.payload as ShareRow;
            if (name === t('charts.actual') && row.landscapeCount !== null)
              return [`${percent(Number(value))} (${t('progress.base', { compliant: f.integer(row.compliantCount ?? 0), landscape: f.integer(row.landscapeCount) })})`, name];
            return [percent(Number(value)), name];
          }}
        />
        <Legend />
        <Line type="linear" dataKey="actual" name={t('charts.actual')} stroke={PALETTE.actual} strokeWidth={3} dot={false} isAnimationActive={!reduced} connectNulls={false} />
        <Line type="linear" dataKey="target" name={targetLabel} stroke={PALETTE.target} strokeWidth={2} strokeDasharray="8 5" dot={false} isAnimationActive={!reduced} connectNulls />
        <Line type="linear" dataKey="forecast" name={t('charts.forecast')} stroke={PALETTE.forecast} strokeWidth={2} strokeDasharray="2 4" dot={false} isAnimationActive={!reduced} connectNulls />
        <ReferenceLine x={todayTime} stroke="#333" label={{ value: markerLabel, position: marker.labelPosition, fill: '#333' }} />
      </ComposedChart>
    </ChartBox>
  );
}
