/**
 * The server's report worker: describes a report with the screens' own code (words, figures, charts) in a DOM of its
 * own. Recharts lays charts out in effects, which server rendering never runs, so the charts are drawn as in a browser,
 * in jsdom, on a thread of their own: the DOM's globals stay out of the server, and drawing keeps its event loop free.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { JSDOM } from 'jsdom';
import type { ReportFontMetrics, ReportRequestMessage, ReportResponseMessage } from '@tm/shared/schemas/report';
import { textWidth } from './text-width.ts';

const metrics = workerData as ReportFontMetrics;
const measure = textWidth(metrics);
const dom = new JSDOM('<!doctype html><html><body></body></html>');
const { window } = dom;

// A text-only element measures as its text set in the report's font (jsdom lays nothing out): Recharts measures
// labels this way to wrap and space them, as the browser does with the page's font.
window.HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
  const text = this.children.length === 0 ? (this.textContent ?? '') : '';
  const size = Number.parseFloat(this.style.fontSize) || metrics.size;
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

parentPort!.on('message', ({ id, request }: ReportRequestMessage) => {
  let answer: ReportResponseMessage;
  try {
    const i18n = reportI18n(request.language);
    const font = { family: metrics.family, size: metrics.size };
    answer = { id, model: describeReport(request, i18n, (chart, size) => drawChart(chart, size, i18n, measure, font)) };
  } catch (error) {
    answer = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(answer);
});
