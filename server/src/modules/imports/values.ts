/**
 * Reading one cell of a spreadsheet into the value the API takes. Pure: each parser answers the value or a
 * message (in the words a CIO understands) saying what is wrong with the cell.
 */
import { message, type Message } from '@tm/shared/messages/messages';
import { LAYERS, LIFECYCLES, STATUSES, type Layer, type Lifecycle, type Status } from '@tm/shared/schemas/application';

/** A cell as a reader hands it over: XLSX keeps numbers, dates and booleans; CSV gives text. */
export type CellValue = string | number | boolean | Date | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: Message };
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: Message): Parsed<T> => ({ ok: false, message: reason });

/** Characters that make a spreadsheet treat a cell as a formula (or, for tab and CR, that help hide one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Exports prefix such cells with an apostrophe, so Excel shows them as text instead of running them. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The reverse, so that an exported file reads back as it was. */
function restoreNeutralised(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

export function isBlank(cell: CellValue): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

export function parseText(cell: CellValue): string | null {
  if (cell === null) return null;
  if (cell instanceof Date) return isoDate(cell);
  const text = restoreNeutralised(String(cell)).trim();
  return text === '' ? null : text;
}

/**
 * Numbers as Dutch and English spreadsheets write them: `1.234,56`, `1234,5`, `1,234.56`, `€ 12.500`. With one
 * kind of separator, a comma is a decimal comma (the Dutch habit) unless it repeats, and a dot followed by exactly
 * three digits groups thousands.
 */
export function parseNumber(cell: CellValue): Parsed<number | null> {
  if (cell === null) return ok(null);
  if (typeof cell === 'number') return Number.isFinite(cell) ? ok(cell) : fail(message('imports.number', { value: String(cell) }));
  if (typeof cell !== 'string') return fail(message('imports.number', { value: String(cell) }));
  const text = cell.replace(/€|eur(o)?\b/gi, '').replace(/[\s\u00a0\u202f]/g, '');
  if (text === '') return ok(null);
  if (!/^-?[\d.,]+$/.test(text) || !/\d/.test(text)) return fail(message('imports.number', { value: cell.trim() }));
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  let normalised: string;
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    normalised = text.split(group).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    normalised = text.indexOf(',') === lastComma ? text.replace(',', '.') : text.split(',').join('');
  } else if (lastDot >= 0) {
    const groupsThousands = text.indexOf('.') !== lastDot || /^-?\d{1,3}\.\d{3}$/.test(text);
    normalised = groupsThousands ? text.split('.').join('') : text;
  } else normalised = text;
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return fail(message('imports.number', { value: cell.trim() }));
  return ok(Number(normalised));
}

export function parseYear(cell: CellValue): Parsed<number | null> {
  if (cell instanceof Date) return ok(cell.getUTCFullYear());
  const n = parseNumber(typeof cell === 'string' ? cell.replace(/\./g, '') : cell);
  if (!n.ok) return fail(message('imports.year', { value: String(cell).trim() }));
  if (n.value !== null && !Number.isInteger(n.value)) return fail(message('imports.wholeYear', { value: String(n.value) }));
  return n;
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function validDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return isoDate(d);
}

/** Day 0 of Excel's 1900 date system, shifted by its phantom 29 February 1900 so serials from March 1900 on agree. */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;
/** Serials between 1 January 1900 and 31 December 2199: anything else in a date column is not a date. */
const SERIAL_RANGE = [1, 109_574] as const;

export function excelSerialToIso(serial: number): string {
  return isoDate(new Date(EXCEL_EPOCH + Math.floor(serial) * DAY_MS));
}

/**
 * Dates as ISO (`2023-06-15`), Dutch (`15-06-2023`, `15-6-23`, also with `/` or `.`), a date cell, or the serial
 * number Excel stores behind a date. Two-digit years follow Excel: 00–29 are 2000–2029, 30–99 are 1930–1999.
 */
export function parseDate(cell: CellValue): Parsed<string | null> {
  if (cell === null) return ok(null);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? fail(message('imports.notADate')) : ok(isoDate(cell));
  const fromSerial = (n: number) =>
    Number.isInteger(n) && n >= SERIAL_RANGE[0] && n <= SERIAL_RANGE[1]
      ? ok(excelSerialToIso(n))
      : fail<string | null>(message('imports.date', { value: String(n) }));
  if (typeof cell === 'number') return fromSerial(cell);
  if (typeof cell !== 'string') return fail(message('imports.date', { value: String(cell) }));
  const text = cell.trim();
  if (text === '') return ok(null);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(text);
  if (m) {
    const iso = validDate(Number(m[1]), Number(m[2]), Number(m[3]));
    return iso ? ok(iso) : fail(message('imports.noSuchDate', { value: text }));
  }
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(text);
  if (m) {
    const y = Number(m[3]);
    const year = m[3]!.length === 4 ? y : y < 30 ? 2000 + y : 1900 + y;
    const iso = validDate(year, Number(m[2]), Number(m[1]));
    return iso ? ok(iso) : fail(message('imports.noSuchDate', { value: text }));
  }
  if (/^\d{1,6}$/.test(text)) return fromSerial(Number(text));
  return fail(message('imports.date', { value: text }));
}

/**
 * A moment as the export writes it (`2026-12-06T10:11:14.123Z`), or the date-and-time cell a spreadsheet may have
 * made of it.
 */
export function parseInstant(cell: CellValue): Parsed<string | null> {
  if (cell === null) return ok(null);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? fail(message('imports.notAMoment')) : ok(cell.toISOString());
  const text = String(cell).trim();
  if (text === '') return ok(null);
  const moment = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) ? new Date(text) : null;
  return moment && !Number.isNaN(moment.getTime())
    ? ok(moment.toISOString())
    : fail(message('imports.moment', { value: text }));
}

function words(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function enumParser<T extends string>(values: readonly T[], labels: Record<string, T>, shown: readonly string[]) {
  const lookup = new Map<string, T>([...values.map((v) => [words(v), v] as const), ...Object.entries(labels).map(([k, v]) => [words(k), v] as const)]);
  return (cell: CellValue): Parsed<T | null> => {
    const text = parseText(cell);
    if (text === null) return ok(null);
    const found = lookup.get(words(text));
    return found ? ok(found) : fail(message('imports.unknownValue', { value: text, values: shown }));
  };
}

/** The Dutch labels of the user interface, their English twins and the codes of the API all read. */
export const LAYER_LABELS: Record<Layer, string> = {
  interaction: 'Interactie',
  process: 'Proces',
  integration: 'Integratie',
  services: 'Services',
  data: 'Data',
};
export const STATUS_LABELS: Record<Status, string> = { legacy: 'Legacy', in_transition: 'In transitie', compliant: 'Common Ground' };
export const LIFECYCLE_LABELS: Record<Lifecycle, string> = {
  planned: 'Gepland',
  in_production: 'In productie',
  phasing_out: 'Uit te faseren',
  phased_out: 'Uitgefaseerd',
};

const inverse = <T extends string>(labels: Record<T, string>) =>
  Object.fromEntries(Object.entries(labels).map(([k, v]) => [v as string, k as T])) as Record<string, T>;
const list = (labels: Record<string, string>) => Object.values(labels);

export const parseLayer = enumParser<Layer>(
  LAYERS,
  { ...inverse(LAYER_LABELS), Interaction: 'interaction', Process: 'process', Integration: 'integration', interactielaag: 'interaction', proceslaag: 'process', integratielaag: 'integration', servicelaag: 'services', datalaag: 'data' },
  list(LAYER_LABELS),
);

export const parseStatus = enumParser<Status>(
  STATUSES,
  {
    ...inverse(STATUS_LABELS),
    'in transition': 'in_transition',
    'Common Ground-compliant': 'compliant',
    'Common Ground compliant': 'compliant',
    Voldoet: 'compliant',
    'Voldoet aan Common Ground': 'compliant',
  },
  list(STATUS_LABELS),
);

/** Includes the Softwarecatalogus' usage statuses: "Verwerving" (being procured) is not in the landscape yet. */
export const parseLifecycle = enumParser<Lifecycle>(
  LIFECYCLES,
  { ...inverse(LIFECYCLE_LABELS), Verwerving: 'planned', 'In gebruik': 'in_production', Planned: 'planned', 'In production': 'in_production', 'Phasing out': 'phasing_out', 'Phased out': 'phased_out' },
  [...list(LIFECYCLE_LABELS), 'Verwerving'],
);

/** `GM0546`, `0546` and `546` (and the number 546 of an XLSX cell) are all Leiden. */
export function parseMunicipalityCode(cell: CellValue): Parsed<string | null> {
  const text = parseText(cell);
  if (text === null) return ok(null);
  const m = /^(?:GM)?\s*(\d{1,4})$/i.exec(text);
  return m ? ok(`GM${m[1]!.padStart(4, '0')}`) : fail(message('imports.municipalityCode', { value: text }));
}

/** Reference components are listed by name (or id), separated by semicolons, commas or line breaks. */
export function splitList(cell: CellValue): string[] {
  const text = parseText(cell);
  if (text === null) return [];
  return text
    .split(/[;,\n|]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

export function matchKey(text: string): string {
  return words(text);
}
