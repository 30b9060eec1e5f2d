import type { LayerFigures, MunicipalityShare, PlanYear, ProgressSummary, SeriesPoint } from '@tm/shared/schemas/progress';

export type ShareRow = {
  /** Start of the month as milliseconds, for a time axis. */
  time: number;
  date: string;
  /** Percentages 0–100 for the chart. */
  actual: number | null;
  target: number | null;
  forecast: number | null;
  landscapeCount: number | null;
  compliantCount: number | null;
};

const toTime = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const pct = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/**
 * The series as chart rows, plus a dotted continuation at the API's pace from the last actual point up to the
 * projected completion year (yearly points are enough for a straight line), and the target's end: 100% on the API's
 * deadline, so that the dashed target line runs on from today to its deadline beside the forecast (the target grows
 * linearly, so one point draws it).
 */
export function shareRows(
  series: readonly SeriesPoint[],
  summary: Pick<ProgressSummary, 'pace' | 'projectedCompletionYear'> & Partial<Pick<ProgressSummary, 'deadline'>>,
): ShareRow[] {
  const rows = withForecast(series, summary);
  const deadline = summary.deadline === undefined ? null : toTime(summary.deadline);
  const lastTarget = [...rows].reverse().find((r) => r.target !== null);
  if (deadline === null || !lastTarget || deadline <= lastTarget.time || lastTarget.target === 100) return rows;
  const end: ShareRow = { time: deadline, date: summary.deadline!, actual: null, target: 100, forecast: null, landscapeCount: null, compliantCount: null };
  return [...rows, end].sort((a, b) => a.time - b.time);
}

function withForecast(series: readonly SeriesPoint[], summary: Pick<ProgressSummary, 'pace' | 'projectedCompletionYear'>): ShareRow[] {
  const rows: ShareRow[] = series.map((p) => ({
    time: toTime(p.date),
    date: p.date,
    actual: pct(p.share),
    target: pct(p.target),
    forecast: null,
    landscapeCount: p.landscapeCount,
    compliantCount: p.compliantCount,
  }));
  const last = [...rows].reverse().find((r) => r.actual !== null);
  if (!last || summary.pace === null || summary.pace <= 0 || summary.projectedCompletionYear === null) return rows;
  last.forecast = last.actual;
  const start = new Date(last.time);
  const end = Date.UTC(summary.projectedCompletionYear, 11, 1);
  const years = (end - last.time) / (365.25 * 24 * 3600 * 1000);
  for (let y = 1; y <= Math.ceil(years); y++) {
    const time = Math.min(Date.UTC(start.getUTCFullYear() + y, start.getUTCMonth(), 1), end);
    const value = Math.min(100, (last.actual ?? 0) + summary.pace * ((time - last.time) / (365.25 * 24 * 3600 * 1000)));
    rows.push({ time, date: new Date(time).toISOString().slice(0, 10), actual: null, target: null, forecast: Math.round(value * 10) / 10, landscapeCount: null, compliantCount: null });
  }
  return rows;
}

/** 1 January of each year the rows span: the X axis is labelled by year. */
export function yearTicks(rows: readonly { time: number }[]): number[] {
  if (rows.length === 0) return [];
  const first = new Date(rows[0]!.time).getUTCFullYear();
  const last = new Date(rows[rows.length - 1]!.time).getUTCFullYear();
  const ticks: number[] = [];
  for (let y = first; y <= last; y++) {
    const t = Date.UTC(y, 0, 1);
    if (t >= rows[0]!.time) ticks.push(t);
  }
  return ticks;
}

/**
 * Where the time axis ends and on which side of the "vandaag" line its label goes. The monthly series ends on the 1st
 * of this month, so the axis reaches on to today or the line would fall off it; a label right of a line near the
 * chart's right edge runs out of the drawing, so past the middle it goes on the line's left.
 */
export function todayMarker(rows: readonly { time: number }[], today: number): { axisEnd: number; labelPosition: 'insideTopLeft' | 'insideTopRight' } {
  const start = rows[0]?.time ?? today;
  const axisEnd = Math.max(rows[rows.length - 1]?.time ?? today, today);
  const past = axisEnd > start ? (today - start) / (axisEnd - start) : 1;
  return { axisEnd, labelPosition: past > 0.5 ? 'insideTopRight' : 'insideTopLeft' };
}

export type LayerRow = { key: string; compliant: number; inTransition: number; legacy: number; share: number | null; landscapeCount: number };

export function layerRows(byLayer: readonly LayerFigures[], label: (layer: string | null) => string): LayerRow[] {
  return byLayer.map((l) => ({
    key: label(l.layer),
    compliant: l.compliantCount,
    inTransition: l.inTransitionCount,
    legacy: l.legacyCount,
    share: l.share,
    landscapeCount: l.landscapeCount,
  }));
}

export type PlanRow = PlanYear & { short: boolean };

/** Years whose plan falls short of what is needed are marked, so the chart and the table can say so in words. */
export function planRows(plan: readonly PlanYear[]): PlanRow[] {
  return plan.map((p) => ({ ...p, short: p.planned < p.needed }));
}

/** A year of the plan chart: one the plan has, or one it runs on to so that a later marked year shows, empty. */
export type PlanChartRow = { year: number; planned: number | null; needed: number | null; short: boolean };

/**
 * The plan's years, run on year by year to the latest marked one (a coalition's target year after the
 * municipality's own deadline), so that no mark falls off the chart; the added years have no figures.
 */
export function planYearsThrough(rows: readonly PlanRow[], markedYears: readonly number[]): PlanChartRow[] {
  const last = rows.at(-1)?.year;
  if (last === undefined) return [];
  const through = Math.max(last, ...markedYears);
  const added = Array.from({ length: through - last }, (_, i) => ({ year: last + i + 1, planned: null, needed: null, short: false }));
  return [...rows, ...added];
}

/** The map's five classes (UI.md): 0–10, 10–20, 20–40, 40–60, ≥60%; null is "geen gegevens". */
export const MAP_CLASSES = [
  { from: 0, to: 0.1, color: '#deebf7' },
  { from: 0.1, to: 0.2, color: '#9ecae1' },
  { from: 0.2, to: 0.4, color: '#6baed6' },
  { from: 0.4, to: 0.6, color: '#2171b5' },
  { from: 0.6, to: Infinity, color: '#08306b' },
] as const;
export const NO_DATA_COLOR = '#bdbdbd';

export function mapClass(share: number | null): number | null {
  if (share === null) return null;
  return MAP_CLASSES.findIndex((c) => share >= c.from && share < c.to);
}

/**
 * The outlines the map draws: each municipality of the register on the figures' day, one formed by a merger drawn as
 * the outlines of the municipalities it was formed from together (the boundaries file knows the register it was made
 * for, PRODUCT §12). Outlines no municipality of that day covers are left out.
 */
export function registerShapes(
  shapes: readonly { code: string; name: string; d: string }[],
  members: readonly Pick<MunicipalityShare, 'code' | 'name' | 'predecessors'>[],
): { code: string; name: string; d: string }[] {
  const byCode = new Map(shapes.map((s) => [s.code, s]));
  return members.flatMap((m) => {
    const parts = [m.code, ...m.predecessors].flatMap((code) => byCode.get(code)?.d ?? []);
    return parts.length === 0 ? [] : [{ code: m.code, name: m.name, d: parts.join(' ') }];
  });
}
