/**
 * Reads the data rows of a sheet into typed values, one message per bad cell. Rules that the API's own schemas
 * check (lengths, ranges, dates not in the future) are left to those schemas in the import service.
 */
import type { Layer, Lifecycle, Status } from '@tm/shared/schemas/application';
import { message } from '@tm/shared/messages/messages';
import type { SheetError } from '@tm/shared/schemas/import';
import { uuidSchema } from '@tm/shared/schemas/common';
import { oncePerValue } from '@tm/shared/once-per-value';
import type { HeaderMapping, ImportField } from './columns.ts';
import type { Sheet } from './read-file.ts';
import {
  isBlank,
  matchKey,
  parseDate,
  parseInstant,
  parseLayer,
  parseLifecycle,
  parseMunicipalityCode,
  parseNumber,
  parseStatus,
  parseText,
  parseYear,
  splitList,
  type CellValue,
  type Parsed,
} from './values.ts';

export type RowValues = {
  id: string | null;
  municipality: string | null;
  name: string | null;
  vendor: string | null;
  product: string | null;
  version: string | null;
  /** Ids of the reference components the row names. */
  referenceComponents: string[];
  layer: Layer | null;
  status: Status | null;
  lifecycle: Lifecycle | null;
  effectiveDate: string | null;
  plannedReplacementYear: number | null;
  annualCost: number | null;
  notes: string | null;
  /** When the application was last changed, as the export that the file came from said. */
  updatedAt: string | null;
};

/** A field is in `values` exactly when the file has its column: a missing column leaves the field alone. */
export type ImportRow = { number: number; values: Partial<RowValues> };

export type RowContext = {
  municipalityCode: string;
  referenceComponents: readonly { id: string; name: string }[];
};

const text = (cell: CellValue): Parsed<string | null> => ({ ok: true, value: parseText(cell) });

function idOf(cell: CellValue): Parsed<string | null> {
  const value = parseText(cell);
  if (value === null) return { ok: true, value: null };
  return uuidSchema.safeParse(value.toLowerCase()).success
    ? { ok: true, value: value.toLowerCase() }
    : { ok: false, message: message('imports.notAnId', { value }) };
}

function referenceComponentParser(context: RowContext) {
  const byName = new Map(context.referenceComponents.map((c) => [matchKey(c.name), c.id]));
  const ids = new Set(context.referenceComponents.map((c) => c.id));
  const keyOf = oncePerValue(matchKey);
  return (cell: CellValue): Parsed<string[]> => {
    const found: string[] = [];
    const unknown: string[] = [];
    for (const item of splitList(cell)) {
      const id = ids.has(item.toLowerCase()) ? item.toLowerCase() : byName.get(keyOf(item));
      if (id) found.push(id);
      else unknown.push(item);
    }
    if (unknown.length > 0)
      return { ok: false, message: message('imports.unknownReferenceComponents', { count: unknown.length, names: unknown }) };
    return { ok: true, value: [...new Set(found)].sort() };
  };
}

export function readRows(sheet: Sheet, mapping: HeaderMapping, context: RowContext): { rows: ImportRow[]; errors: SheetError[] } {
  const parsers: { [F in ImportField]: (cell: CellValue) => Parsed<RowValues[F]> } = {
    id: idOf,
    municipality: parseMunicipalityCode,
    name: text,
    vendor: text,
    product: text,
    version: text,
    referenceComponents: referenceComponentParser(context),
    // A column of a few words repeated on every row: each spelling read once.
    layer: oncePerValue(parseLayer),
    status: oncePerValue(parseStatus),
    lifecycle: oncePerValue(parseLifecycle),
    effectiveDate: parseDate,
    plannedReplacementYear: parseYear,
    annualCost: parseNumber,
    notes: text,
    updatedAt: parseInstant,
  };
  const rows: ImportRow[] = [];
  const errors: SheetError[] = [];
  for (const { number, cells } of sheet.rows) {
    if (cells.every(isBlank)) continue;
    const values: Partial<Record<ImportField, unknown>> = {};
    for (const [field, { index, header }] of mapping.columns) {
      const result = parsers[field](cells[index] ?? null);
      if (result.ok) values[field] = result.value;
      else errors.push({ row: number, column: header, message: result.message });
    }
    const municipality = values.municipality as string | null | undefined;
    if (municipality && municipality !== context.municipalityCode)
      errors.push({
        row: number,
        column: mapping.columns.get('municipality')!.header,
        message: message('imports.otherMunicipality', { found: municipality, code: context.municipalityCode }),
      });
    rows.push({ number, values: values as Partial<RowValues> });
  }
  return { rows, errors };
}
