import { act, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { FixedChartSize } from '../../../components/charts/chart-box.tsx';
import type { TextWidth } from './text-width.ts';

export type ChartSize = { width: number; height: number };
export type Drawing = { svg: string; width: number; height: number };

const SVG_NS = 'http://www.w3.org/2000/svg';
const ICON = 10;
const ROW = 16;
const GAP = 14;

type LegendEntry = { icon: string; label: string };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A legend entry's mark as SVG in an ICON × ICON box: the chart's own icon, or its colour swatch. */
function iconOf(item: Element): string {
  const svg = item.querySelector('svg');
  if (svg) {
    const [, , w = 32, h = 32] = (svg.getAttribute('viewBox') ?? '0 0 32 32').split(/[\s,]+/).map(Number);
    return `<g transform="scale(${ICON / w} ${ICON / h})">${svg.innerHTML}</g>`;
  }
  const swatch = item.querySelector<HTMLElement>('[style*="background"]');
  const colour = swatch?.style.background || swatch?.style.backgroundColor || '#000';
  return `<rect width="${ICON}" height="${ICON}" fill="${escape(colour)}" stroke="#999" stroke-width="0.5"/>`;
}

/**
 * The legend as the screen shows it (Recharts' own, or a chart's custom one), set as SVG rows under the drawing:
 * on screen it is HTML beside the SVG, which a PDF cannot take.
 */
function legendRows(container: Element, width: number, measure: TextWidth): { svg: string; height: number } {
  const entries: LegendEntry[] = [...container.querySelectorAll('.recharts-legend-wrapper li')].map((li) => ({
    icon: iconOf(li),
    label: li.textContent?.trim() ?? '',
  }));
  if (entries.length === 0) return { svg: '', height: 0 };
  const rows: { entries: (LegendEntry & { width: number })[]; width: number }[] = [];
  for (const entry of entries) {
    const entryWidth = ICON + 4 + measure(entry.label);
    const row = rows.at(-1);
    if (row && row.width + GAP + entryWidth <= width) {
      row.entries.push({ ...entry, width: entryWidth });
      row.width += GAP + entryWidth;
    } else rows.push({ entries: [{ ...entry, width: entryWidth }], width: entryWidth });
  }
  const svg = rows
    .map((row, r) => {
      let x = Math.max(0, (width - row.width) / 2);
      return row.entries
        .map((entry) => {
          const at = x;
          x += entry.width + GAP;
          const y = r * ROW + 4;
          return `<g transform="translate(${at} ${y})">${entry.icon}<text x="${ICON + 4}" y="${ICON - 1}" fill="#333">${escape(entry.label)}</text></g>`;
        })
        .join('');
    })
    .join('');
  return { svg, height: rows.length * ROW + 4 };
}

/**
 * Draws one of the screens' charts, as it is, at a fixed size in this DOM and hands back its picture as one SVG: the
 * chart and its legend, in the report's font. Effects run (act) because Recharts lays a chart out in them.
 */
export function drawChart(chart: ReactElement, size: ChartSize, i18n: I18n, measure: TextWidth, font: { family: string; size: number }): Drawing {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  try {
    act(() =>
      root.render(
        <I18nextProvider i18n={i18n}>
          <FixedChartSize.Provider value={size}>{chart}</FixedChartSize.Provider>
        </I18nextProvider>,
      ),
    );
    const surface = container.querySelector('.recharts-wrapper > svg');
    if (!surface) throw new Error('The chart drew nothing');
    const legend = legendRows(container, size.width, measure);
    const height = size.height + legend.height;
    const svg =
      `<svg xmlns="${SVG_NS}" width="${size.width}" height="${height}" viewBox="0 0 ${size.width} ${height}" ` +
      `font-family="${escape(font.family)}" font-size="${font.size}">${surface.innerHTML}` +
      `<g transform="translate(0 ${size.height})">${legend.svg}</g></svg>`;
    return { svg, width: size.width, height };
  } finally {
    act(() => root.unmount());
    container.remove();
  }
}
