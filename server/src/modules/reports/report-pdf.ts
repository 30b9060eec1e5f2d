import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { ReportBlock, ReportColumn, ReportFigure, ReportModel } from '@tm/shared/schemas/report';
import { CHART_FONT, reportFonts } from './report-fonts.ts';

/** A4 in points, and the room the running head and foot take on every page. */
const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 48, right: 48, top: 100, bottom: 60 };
export const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

const INK = '#1a1a1a';
const MUTED = '#4f4f4f';
const RULE = '#b3b3b3';
const ACCENT = '#1c5291';
const FIGURE_COLUMNS = 3;
const CELL_PADDING = 3;

type Doc = PDFKit.PDFDocument;

const LANGUAGE_TAGS = { nl: 'nl-NL', en: 'en-GB' } as const;

const BOTTOM = PAGE.height - MARGIN.bottom;

/** Starts a new page unless `height` more points fit on this one. */
function keepTogether(doc: Doc, height: number): void {
  if (doc.y + height > BOTTOM) doc.addPage();
}

/** The product, the title, the "stand per" date and the freshness at the top of every page. */
function runningHead(doc: Doc, model: ReportModel): void {
  const { x, y } = { x: doc.x, y: doc.y };
  doc.font('bold').fontSize(8.5).fillColor(ACCENT).text(`${model.product} · ${model.title}`, MARGIN.left, 32, { width: CONTENT_WIDTH });
  doc.font('regular').fontSize(8.5).fillColor(INK);
  for (const line of model.running) doc.text(line, { width: CONTENT_WIDTH });
  const ruleY = Math.max(doc.y + 4, MARGIN.top - 12);
  doc.moveTo(MARGIN.left, ruleY).lineTo(PAGE.width - MARGIN.right, ruleY).lineWidth(0.75).strokeColor(ACCENT).stroke();
  doc.x = x;
  doc.y = y;
}

/** When the report was made and the page number, at the foot of every page (once the page count is known). */
function runningFoot(doc: Doc, model: ReportModel, page: number, pages: number): void {
  // Text below the bottom margin would start a page of its own.
  const margins = doc.page.margins;
  doc.page.margins = { ...margins, bottom: 0 };
  const y = PAGE.height - 40;
  doc.font('regular').fontSize(8).fillColor(MUTED);
  doc.text(model.generated, MARGIN.left, y, { width: CONTENT_WIDTH / 2, lineBreak: false });
  const label = model.pageLabel.replace('{{page}}', String(page)).replace('{{pages}}', String(pages));
  doc.text(label, MARGIN.left + CONTENT_WIDTH / 2, y, { width: CONTENT_WIDTH / 2, align: 'right', lineBreak: false });
  doc.page.margins = margins;
}

function heading(doc: Doc, text: string, size = 12.5): void {
  // A heading never ends a page: a few lines of what it heads come with it.
  keepTogether(doc, size * 2 + 60);
  doc.moveDown(0.6).font('heading').fontSize(size).fillColor(INK).text(text, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.2);
}

function muted(doc: Doc, text: string): void {
  doc.font('regular').fontSize(8.5).fillColor(MUTED).text(text, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
}

/** The KPI cards as a grid: label, value large, the base beneath. */
function figures(doc: Doc, items: readonly ReportFigure[]): void {
  const gap = 10;
  const width = (CONTENT_WIDTH - gap * (FIGURE_COLUMNS - 1)) / FIGURE_COLUMNS;
  for (let i = 0; i < items.length; i += FIGURE_COLUMNS) {
    const row = items.slice(i, i + FIGURE_COLUMNS);
    const heights = row.map((item) => {
      doc.font('regular').fontSize(8.5);
      const label = doc.heightOfString(item.label, { width: width - 12 });
      doc.font('heading').fontSize(16);
      const value = doc.heightOfString(item.value, { width: width - 12 });
      doc.font('regular').fontSize(8);
      const base = item.base ? doc.heightOfString(item.base, { width: width - 12 }) : 0;
      return label + value + base + 16;
    });
    const height = Math.max(...heights);
    keepTogether(doc, height + gap);
    const top = doc.y;
    row.forEach((item, column) => {
      const x = MARGIN.left + column * (width + gap);
      doc.rect(x, top, width, height).lineWidth(0.5).strokeColor(RULE).stroke();
      doc.font('regular').fontSize(8.5).fillColor(MUTED).text(item.label, x + 6, top + 6, { width: width - 12 });
      doc.font('heading').fontSize(16).fillColor(INK).text(item.value, x + 6, doc.y + 1, { width: width - 12 });
      if (item.base) doc.font('regular').fontSize(8).fillColor(MUTED).text(item.base, x + 6, doc.y + 1, { width: width - 12 });
    });
    doc.x = MARGIN.left;
    doc.y = top + height + gap;
  }
}

/** The chart as the screens draw it, as vectors, with the title and description the panel gives it. */
function chart(doc: Doc, block: Extract<ReportBlock, { kind: 'chart' }>): void {
  doc.font('regular').fontSize(8.5);
  const description = block.description ? doc.heightOfString(block.description, { width: CONTENT_WIDTH }) : 0;
  keepTogether(doc, 12.5 * 2.5 + description + block.height + 8);
  heading(doc, block.title);
  if (block.description) muted(doc, block.description);
  const top = doc.y + 6;
  SVGtoPDF(doc, block.svg, MARGIN.left, top, {
    width: block.width,
    height: block.height,
    fontCallback: () => 'regular',
    assumePt: true,
  });
  doc.x = MARGIN.left;
  doc.y = top + block.height + 4;
}

/** Numeric columns as wide as their widest cell; the others share what is left, wrapping their text. */
function columnWidths(doc: Doc, columns: readonly ReportColumn[], rows: readonly string[][]): number[] {
  doc.font('bold').fontSize(8);
  const natural = columns.map((c, i) => {
    let widest = doc.widthOfString(c.header);
    doc.font('regular');
    for (const row of rows) widest = Math.max(widest, doc.widthOfString(row[i] ?? ''));
    doc.font('bold');
    return widest + CELL_PADDING * 2;
  });
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= CONTENT_WIDTH) return natural.map((w, i) => (i === 0 ? w + CONTENT_WIDTH - total : w));
  const fixed = columns.reduce((sum, c, i) => sum + (c.numeric ? natural[i]! : 0), 0);
  const flexible = total - fixed;
  const room = Math.max(CONTENT_WIDTH - fixed, CONTENT_WIDTH * 0.3);
  return natural.map((w, i) => (columns[i]!.numeric ? w : (w / flexible) * room));
}

function tableRow(doc: Doc, cells: readonly string[], columns: readonly ReportColumn[], widths: readonly number[], font: 'regular' | 'bold'): void {
  doc.font(font).fontSize(8);
  const height = Math.max(...cells.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - CELL_PADDING * 2 }))) + CELL_PADDING * 2;
  const top = doc.y;
  let x = MARGIN.left;
  cells.forEach((cell, i) => {
    doc.fillColor(INK).text(cell, x + CELL_PADDING, top + CELL_PADDING, { width: widths[i]! - CELL_PADDING * 2, align: columns[i]!.numeric ? 'right' : 'left' });
    x += widths[i]!;
  });
  doc.moveTo(MARGIN.left, top + height).lineTo(MARGIN.left + CONTENT_WIDTH, top + height).lineWidth(font === 'bold' ? 0.75 : 0.25).strokeColor(RULE).stroke();
  doc.x = MARGIN.left;
  doc.y = top + height;
}

/** A table whose rows go on over pages, the header repeated on each. */
function table(doc: Doc, block: Extract<ReportBlock, { kind: 'table' }>): void {
  heading(doc, block.title);
  const widths = columnWidths(doc, block.columns, block.rows);
  const headers = block.columns.map((c) => c.header);
  keepTogether(doc, 60);
  tableRow(doc, headers, block.columns, widths, 'bold');
  for (const row of block.rows) {
    doc.font('regular').fontSize(8);
    const height = Math.max(...row.map((cell, i) => doc.heightOfString(cell, { width: widths[i]! - CELL_PADDING * 2 }))) + CELL_PADDING * 2;
    if (doc.y + height > BOTTOM) {
      doc.addPage();
      tableRow(doc, headers, block.columns, widths, 'bold');
    }
    tableRow(doc, row, block.columns, widths, 'regular');
  }
}

function block(doc: Doc, b: ReportBlock): void {
  switch (b.kind) {
    case 'heading':
      return heading(doc, b.text);
    case 'paragraph':
      doc.font('regular').fontSize(9.5);
      keepTogether(doc, doc.heightOfString(b.text, { width: CONTENT_WIDTH }) + 8);
      doc.moveDown(0.3).fillColor(INK).text(b.text, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
      return;
    case 'figures':
      return figures(doc, b.items);
    case 'chart':
      return chart(doc, b);
    case 'table':
      return table(doc, b);
  }
}

/** Sets a report's content on A4 pages in the app's fonts and hands back the PDF. */
export async function typesetReport(model: ReportModel, generatedAt: Date): Promise<Buffer> {
  const fonts = reportFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    lang: LANGUAGE_TAGS[model.language],
    displayTitle: true,
    pdfVersion: '1.7',
    info: { Title: `${model.title} · ${model.running[0] ?? ''}`, Author: model.product, Creator: model.product, CreationDate: generatedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.registerFont('heading', fonts.heading);
  // svg-to-pdfkit asks for fonts by the family the charts name.
  doc.registerFont(CHART_FONT.family, fonts.regular);

  runningHead(doc, model);
  doc.on('pageAdded', () => runningHead(doc, model));
  doc.font('heading').fontSize(20).fillColor(INK).text(model.title, MARGIN.left, MARGIN.top - 4, { width: CONTENT_WIDTH });
  if (model.subtitle) muted(doc, model.subtitle);
  doc.moveDown(0.8);
  for (const b of model.blocks) block(doc, b);

  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    runningFoot(doc, model, i - start + 1, count);
  }
  doc.end();
  return done;
}
