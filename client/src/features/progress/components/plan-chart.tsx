import { useTranslation } from 'react-i18next';
import { Bar, CartesianGrid, Cell, ComposedChart, Legend, Line, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartBox } from '../../../components/charts/chart-box.tsx';
import { PALETTE } from '../../../components/charts/palette.ts';
import { useFormat } from '../../../lib/format.ts';
import { useReducedMotion } from '../../../lib/use-reduced-motion.ts';
import { planYearsThrough, type PlanRow } from '../hooks/shape.ts';

const ENOUGH = PALETTE.compliant;
const SHORT = PALETTE.transition;
const NEEDED = '#000';

/**
 * The legend says what the chart draws: green bars for years planned to the need, amber for years short of it (each only
 * when the chart draws such a bar), and the needed number as a dashed line with whole dots. Recharts' own legend would show one
 * swatch in the bars' default colour, whatever colour each bar has.
 */
function PlanLegend({ rows }: { rows: readonly PlanRow[] }) {
  const { t } = useTranslation();
  return (
    <ul className="tm-legend tm-legend--chart">
      {rows.some((r) => !r.short && r.planned > 0) && (
        <li>
          <span className="tm-legend__swatch" style={{ background: ENOUGH }} aria-hidden="true" />
          {t('progress.planned')}
        </li>
      )}
      {rows.some((r) => r.short && r.planned > 0) && (
        <li>
          <span className="tm-legend__swatch" style={{ background: SHORT }} aria-hidden="true" />
          {t('progress.plannedShort')}
        </li>
      )}
      <li>
        <svg className="tm-legend__line" width="28" height="12" viewBox="0 0 28 12" aria-hidden="true">
          <line x1="0" y1="6" x2="28" y2="6" stroke={NEEDED} strokeWidth="2" strokeDasharray="6 3" />
          <circle cx="14" cy="6" r="3.5" fill={NEEDED} />
        </svg>
        {t('progress.needed')}
      </li>
    </ul>
  );
}

/** A year to mark on the plan, such as a coalition's target year, with what it is. */
export type PlanMark = { year: number; label: string };

/**
 * Planned replacements per year as bars, the number needed as a line; a year short of the need is amber. Marks
 * (a coalition's target year) are vertical lines labelled in words; a mark after the plan's last year runs the
 * years on to it, without figures, rather than falling off the chart.
 */
export function PlanChart({ rows, marks = [] }: { rows: readonly PlanRow[]; marks?: readonly PlanMark[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const reduced = useReducedMotion();
  const years = planYearsThrough(rows, marks.map((m) => m.year));
  return (
    <ChartBox>
      <ComposedChart data={years} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
        <CartesianGrid stroke="#e0e0e0" vertical={false} />
        <XAxis dataKey="year" />
        <YAxis allowDecimals={false} tickFormatter={(v: number) => f.integer(v)} />
        <Tooltip formatter={(value) => (value === null ? '' : f.integer(Number(value)))} />
        <Legend content={() => <PlanLegend rows={rows} />} />
        <Bar dataKey="planned" name={t('progress.planned')} isAnimationActive={!reduced} fill={ENOUGH}>
          {years.map((r) => (
            <Cell key={r.year} fill={r.short ? SHORT : ENOUGH} />
          ))}
        </Bar>
        {/* The dots take no dash: a dashed stroke around them drew broken half circles. */}
        <Line
          dataKey="needed"
          name={t('progress.needed')}
          stroke={NEEDED}
          strokeWidth={2}
          strokeDasharray="8 5"
          dot={{ r: 3.5, fill: NEEDED, stroke: NEEDED, strokeDasharray: 'none' }}
          activeDot={{ r: 5, strokeDasharray: 'none' }}
          isAnimationActive={!reduced}
        />
        {marks
          .filter((m) => m.year >= (years[0]?.year ?? Infinity))
          .map((m) => (
            <ReferenceLine key={`${m.year}-${m.label}`} x={m.year} stroke={PALETTE.target} strokeWidth={2} label={{ value: m.label, position: 'insideTopLeft', fill: '#000' }} />
          ))}
      </ComposedChart>
    </ChartBox>
  );
}
