/**
 * The server's report worker: describes a report with the screens' own code (words, figures, charts) in a DOM of its
 * own. Recharts lays charts out in effects, which server rendering never runs, so the charts are drawn as in a browser,
 * in jsdom, on a thread of their own: the DOM's globals stay out of the server, and drawing keeps its event loop free.
 * The server runs it as a worker pool's task module: the default export describes one report.
 */
import { JSDOM } from 'jsdom';
import type { ReportFontMetrics, ReportModel, ReportTask } from '@tm/shared/schemas/report';
import { type TextWidth, textWidth } from './text-width.ts';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
const { window } = dom;
/** The report's font, as the latest task gave it (every task gives the same). */
let measure: TextWidth = () => 0;
let fontSize = 8;

// A text-only element measures as its text set in the report's font (jsdom lays nothing out): Recharts measures
// labels this way to wrap and space them, as the browser does with the page's font.
window.HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
  const text = this.children.length === 0 ? (this.textContent ?? '') : '';
  const size = Number.parseFloat(this.style.fontSize) || fontSize;
  const width = text ? measure(text, size) : 0;
  const height = text ? size * 1.2 : 0;
  return { x: 0, y: 0, top: 0, left: 0, right: width, bottom: height, width, height, toJSON: () => ({}) } as DOMRect;
};

Object.assign(globalThis, {
  window,
  document: window.document,
  navigator: window.navigator,
  HTMLElement: window.HTMLElement,
  SVGElement: window.SVGElement,
  Element: window.Element,
  Node: window.Node,
  // React runs every effect inside act() before it returns: the drawing is complete when render is.
  IS_REACT_ACT_ENVIRONMENT: true,
});

// Loaded after the DOM exists: React DOM and Recharts decide at load whether they run in a browser.
const [{ describeReport }, { drawChart }, { reportI18n }] = await Promise.all([
  import('./describe-report.tsx'),
  import('./draw-chart.tsx'),
  import('./report-i18n.ts'),
]);

function useFont(font: ReportFontMetrics) {
  measure = textWidth(font);
  fontSize = font.size;
}

export default function describe({ request, font }: ReportTask): ReportModel {
  useFont(font);
  const i18n = reportI18n(request.language);
  return describeReport(request, i18n, (chart, size) => drawChart(chart, size, i18n, measure, { family: font.family, size: font.size }));
}
