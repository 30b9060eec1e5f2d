/**
 * Turns an uploaded file into rows of cells, whatever the CIO's spreadsheet program made of it: XLSX, or CSV with
 * `;`, `,` or tab, with or without a byte-order mark, in UTF-8, UTF-16 or Windows-1252. Anything that is not a
 * spreadsheet is refused with a 4xx that says what it looks like instead.
 */
import type ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { AppError } from '../../http/app-error.ts';
import type { CellValue } from './values.ts';
import { checkZip } from './zip-guard.ts';
import { newWorkbook } from './workbook.ts';

export const MAX_DATA_ROWS = 20_000;
/** What a 10 MB XLSX may unpack to: a spreadsheet compresses about tenfold, a zip bomb a thousandfold. */
const MAX_UNPACKED_BYTES = 150 * 1024 * 1024;
const MAX_CSV_FIELD = 100_000;

export type SheetRow = { number: number; cells: CellValue[] };
export type Sheet = { header: string[]; rows: SheetRow[] };

const unsupported = (detail: string) => new AppError(415, 'Unsupported file type', detail);
const unreadable = (detail: string) => AppError.unprocessable(detail);
const tooLarge = (detail: string) => new AppError(413, 'Content too large', detail);

function startsWith(buffer: Buffer, bytes: number[]): boolean {
  return buffer.length >= bytes.length && bytes.every((b, i) => buffer[i] === b);
}

export async function readSpreadsheet(file: Buffer): Promise<Sheet> {
  if (file.length === 0) throw unreadable('The file is empty');
  if (startsWith(file, [0x50, 0x4b, 0x03, 0x04])) return finish(await readXlsx(file));
  if (startsWith(file, [0x25, 0x50, 0x44, 0x46])) throw unsupported('This is a PDF; upload the spreadsheet itself as .xlsx or .csv');
  if (startsWith(file, [0xd0, 0xcf, 0x11, 0xe0]))
    throw unsupported('This is an old Excel 97-2003 (.xls) file; save it as .xlsx (Excel-werkmap) or .csv and upload that');
  if (startsWith(file, [0x50, 0x4b])) throw unsupported('This is a ZIP archive but not an XLSX spreadsheet');
  return finish(readCsv(decodeText(file)));
}

function finish(sheet: Sheet): Sheet {
  if (sheet.header.every((h) => h.trim() === ''))
    throw unreadable('Row 1 is empty: it must hold the column names, such as Naam, Leverancier, Status');
  if (sheet.rows.length > MAX_DATA_ROWS)
    throw tooLarge(`The file has ${sheet.rows.length} rows; at most ${MAX_DATA_ROWS.toLocaleString('en')} can be imported at once`);
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
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(text)) throw unsupported('This is not a CSV or XLSX file: it holds binary data');
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
  if (text.trim() === '') throw unreadable('The file is empty');
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
    throw unreadable(`The CSV file could not be read${line ? ` at row ${line}` : ''}: check for an unclosed quote`);
  }
  if (records.length > MAX_DATA_ROWS + 1)
    throw tooLarge(`The file has more than ${MAX_DATA_ROWS.toLocaleString('en')} rows; import at most that many at once`);
  const [header = [], ...data] = records;
  // A record's place in the file is the row a spreadsheet program shows for it (the header is row 1).
  return { header, rows: data.map((cells, i) => ({ number: i + 2, cells: cells.map((c) => (c === '' ? null : c)) })) };
}

async function readXlsx(file: Buffer): Promise<Sheet> {
  const zip = checkZip(file, MAX_UNPACKED_BYTES);
  if (!zip.ok) {
    if (zip.reason === 'too-large') throw tooLarge('This XLSX file unpacks to far more data than a spreadsheet of 20,000 rows holds');
    throw unreadable('The XLSX file is damaged or not a spreadsheet');
  }
  if (!zip.names.includes('xl/workbook.xml')) throw unsupported('This is a ZIP archive but not an XLSX spreadsheet');
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw unreadable('The XLSX file is damaged and could not be read');
  }
  const sheet = workbook.worksheets.find((w) => w.state === 'visible' && w.actualRowCount > 0) ?? workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw unreadable('The spreadsheet is empty');
  if (sheet.actualRowCount > MAX_DATA_ROWS + 1)
    throw tooLarge(`The spreadsheet has ${sheet.actualRowCount - 1} rows; at most ${MAX_DATA_ROWS.toLocaleString('en')} can be imported at once`);

  const rows: SheetRow[] = [];
  let header: string[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells = values.slice(1).map(cellValue);
    if (number === 1) header = cells.map((c) => (c === null ? '' : String(c)));
    else rows.push({ number, cells });
  });
  return { header, rows };
}

function cellValue(value: ExcelJS.CellValue | undefined): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ('hyperlink' in value) return cellValue((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue);
  if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  return null;
}
