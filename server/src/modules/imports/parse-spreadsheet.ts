/**
 * Turns an uploaded file into rows of cells, whatever the CIO's spreadsheet program made of it: XLSX, or CSV with
 * `;`, `,` or tab, with or without a byte-order mark, in UTF-8, UTF-16 or Windows-1252. Anything that is not a
 * spreadsheet, or that would take more than 20,000 rows can need, is refused with a reason. Runs in a worker thread
 * (see read-file.ts): a file that tries to make it work long or grow large costs that thread, not the server.
 */
import { message, type Message } from '@tm/shared/messages/messages';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import type { CellValue } from './values.ts';
import { checkZip } from './zip-guard.ts';

export const MAX_DATA_ROWS = 20_000;
/**
 * What 20,000 rows of an inventory can need, unpacked: a wide Softwarecatalogus export of that many rows takes
 * about 20 MB of XML. A file that repeats rows (or one cell) to hundreds of megabytes is refused before parsing.
 */
export const MAX_UNPACKED_BYTES = 64 * 1024 * 1024;
/** Cells in all rows together, and the characters in them: what the rows may take to hand back to the server. */
export const MAX_CELLS = 1_000_000;
export const MAX_TEXT_CHARACTERS = 32 * 1024 * 1024;
/** A spreadsheet program stores at most this many characters in a cell. */
const MAX_CELL_CHARACTERS = 32_767;
const MAX_CSV_FIELD = 100_000;

export type SheetRow = { number: number; cells: CellValue[] };
export type Sheet = { header: string[]; rows: SheetRow[] };

/**
 * Why a file is not read: the HTTP status it is answered with, and what to tell the user, not yet in a language (it
 * crosses from the worker thread as plain data).
 */
export class SpreadsheetRefusal extends Error {
  constructor(
    readonly status: 413 | 415 | 422,
    readonly detail: Message,
  ) {
    super(detail.key);
  }
}

const unsupported = (detail: Message) => new SpreadsheetRefusal(415, detail);
const unreadable = (detail: Message) => new SpreadsheetRefusal(422, detail);
const tooLarge = (detail: Message) => new SpreadsheetRefusal(413, detail);
const rowLimit = () => tooLarge(message('imports.tooManyRows', { max: MAX_DATA_ROWS }));

function startsWith(buffer: Uint8Array, bytes: number[]): boolean {
  return buffer.length >= bytes.length && bytes.every((b, i) => buffer[i] === b);
}

export async function parseSpreadsheet(file: Buffer): Promise<Sheet> {
  if (file.length === 0) throw unreadable(message('imports.emptyFile'));
  if (startsWith(file, [0x50, 0x4b, 0x03, 0x04])) return finish(await readXlsx(file));
  if (startsWith(file, [0x25, 0x50, 0x44, 0x46])) throw unsupported(message('imports.pdf'));
  if (startsWith(file, [0xd0, 0xcf, 0x11, 0xe0]))
    throw unsupported(message('imports.oldExcel'));
  if (startsWith(file, [0x50, 0x4b])) throw unsupported(message('imports.zipNotXlsx'));
  return finish(readCsv(decodeText(file)));
}

function finish(sheet: Sheet): Sheet {
  if (sheet.header.every((h) => h.trim() === ''))
    throw unreadable(message('imports.emptyHeader'));
  if (sheet.rows.length > MAX_DATA_ROWS) throw rowLimit();
  return sheet;
}

function decodeText(file: Buffer): string {
  let text: string;
  if (startsWith(file, [0xef, 0xbb, 0xbf])) text = new TextDecoder('utf-8').decode(file.subarray(3));
  else if (startsWith(file, [0xff, 0xfe])) text = new TextDecoder('utf-16le').decode(file.subarray(2));
  else if (startsWith(file, [0xfe, 0xff])) text = new TextDecoder('utf-16be').decode(file.subarray(2));
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file);
    } catch {
      // Excel on Windows saves "CSV (gescheiden door lijstscheidingsteken)" in the ANSI code page.
      text = new TextDecoder('windows-1252').decode(file);
    }
  }
  // Text files hold no NUL or other C0 controls besides tab and line breaks; binary files are full of them.
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) throw unsupported(message('imports.binary'));
  return text;
}

/** The separator is whichever of `;`, `,` and tab the header line uses most, quotes aside. */
function detectDelimiter(text: string): string {
  const firstLine = (text.split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const);
  const [best] = [...counts].sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

function readCsv(text: string): Sheet {
  if (text.trim() === '') throw unreadable(message('imports.emptyFile'));
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: MAX_CSV_FIELD,
      to: MAX_DATA_ROWS + 2,
    });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw unreadable(line ? message('imports.unclosedQuoteAt', { row: line }) : message('imports.unclosedQuote'));
  }
  if (records.length > MAX_DATA_ROWS + 1) throw rowLimit();
  if (records.reduce((n, r) => n + r.length, 0) > MAX_CELLS)
    throw tooLarge(message('imports.tooManyCells', { max: MAX_CELLS }));
  const [header = [], ...data] = records;
  // A record's place in the file is the row a spreadsheet program shows for it (the header is row 1).
  return { header, rows: data.map((cells, i) => ({ number: i + 2, cells: cells.map((c) => (c === '' ? null : c)) })) };
}

/** Counts what the rows take while they stream in, and stops the reading as soon as a limit is passed. */
function budget() {
  let rows = 0;
  let cells = 0;
  let characters = 0;
  return {
    row(values: CellValue[]): void {
      rows += 1;
      if (rows > MAX_DATA_ROWS + 1) throw rowLimit();
      cells += values.length;
      if (cells > MAX_CELLS) throw tooLarge(message('imports.tooManyCells', { max: MAX_CELLS }));
      for (const value of values) if (typeof value === 'string') characters += value.length;
      if (characters > MAX_TEXT_CHARACTERS) throw tooLarge(message('imports.tooMuchText'));
    },
  };
}

/**
 * Streams the first visible sheet that has rows, row by row: nothing beyond the limits is ever held, so a file that
 * repeats a row a million times is stopped at row 20,002.
 */
async function readXlsx(file: Buffer): Promise<Sheet> {
  const zip = checkZip(file, MAX_UNPACKED_BYTES);
  if (!zip.ok) {
    if (zip.reason === 'too-large') throw tooLarge(message('imports.unpacksTooLarge'));
    throw unreadable(message('imports.damagedXlsx'));
  }
  if (!zip.names.includes('xl/workbook.xml')) throw unsupported(message('imports.zipNotXlsx'));
  const { default: excel } = await import('exceljs');
  const reader = new excel.stream.xlsx.WorkbookReader(Readable.from([file]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // Cell styles tell dates from numbers.
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      if ((worksheet as { state?: string }).state && (worksheet as { state?: string }).state !== 'visible') continue;
      const sheet = await readRows(worksheet);
      if (sheet) return sheet;
    }
  } catch (error) {
    if (error instanceof SpreadsheetRefusal) throw error;
    throw unreadable(message('imports.damagedXlsx'));
  }
  throw unreadable(message('imports.emptySpreadsheet'));
}

async function readRows(worksheet: ExcelJS.stream.xlsx.WorksheetReader): Promise<Sheet | undefined> {
  const limits = budget();
  const rows: SheetRow[] = [];
  let header: string[] | undefined;
  for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
    if (!row.hasValues) continue;
    const cells = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
    limits.row(cells);
    if (header === undefined && row.number === 1) header = cells.map((c) => (c === null ? '' : String(c)));
    else if (row.number > 1) rows.push({ number: row.number, cells });
  }
  if (header === undefined && rows.length === 0) return undefined;
  return { header: header ?? [], rows };
}

function cellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.length > MAX_CELL_CHARACTERS ? value.slice(0, MAX_CELL_CHARACTERS) : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return cellValue(value.richText.map((t) => t.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return cellValue((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  return null;
}
