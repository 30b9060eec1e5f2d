/**
 * Rows that describe the same application become one. The Softwarecatalogus exports one row per package version
 * and reference component, so reference components add up; any other field that two rows give differently is a
 * conflict that the CIO must resolve.
 */
import { message } from '@tm/shared/messages/messages';
import type { SheetError } from '@tm/shared/schemas/import';
import type { ImportField } from './columns.ts';
import type { ImportRow, RowValues } from './rows.ts';
import { LAYER_LABELS, LIFECYCLE_LABELS, STATUS_LABELS } from './values.ts';

export type MergedApplication = { key: string; rows: number[]; values: Partial<RowValues> };

const LABELS: Record<string, string> = { ...LAYER_LABELS, ...STATUS_LABELS, ...LIFECYCLE_LABELS };

function show(value: unknown): string {
  return LABELS[String(value)] ?? String(value);
}

/** Rows were matched on name and vendor regardless of case, so case alone is no conflict there. */
function same(field: ImportField, a: unknown, b: unknown): boolean {
  if (field === 'name' || field === 'vendor') return String(a).toLocaleLowerCase('nl') === String(b).toLocaleLowerCase('nl');
  return a === b;
}

/** Each row's municipality is checked on its own; a row of another municipality is already an error. */
const NOT_MERGED: readonly ImportField[] = ['municipality'];

export function mergeRows(
  rows: readonly (ImportRow & { key: string })[],
  headerOf: (field: ImportField) => string,
): { applications: MergedApplication[]; errors: SheetError[] } {
  const byKey = new Map<string, MergedApplication & { from: Partial<Record<ImportField, number>> }>();
  const errors: SheetError[] = [];
  for (const row of rows) {
    const merged = byKey.get(row.key);
    if (!merged) {
      const from = Object.fromEntries(Object.keys(row.values).map((f) => [f, row.number]));
      byKey.set(row.key, { key: row.key, rows: [row.number], values: { ...row.values }, from });
      continue;
    }
    merged.rows.push(row.number);
    const values = merged.values as Record<string, unknown>;
    for (const [field, value] of Object.entries(row.values) as [ImportField, unknown][]) {
      const earlier = values[field];
      if (field === 'referenceComponents') {
        values[field] = [...new Set([...((earlier as string[] | undefined) ?? []), ...(value as string[])])].sort();
      } else if (value === null || value === undefined || NOT_MERGED.includes(field)) {
        continue;
      } else if (earlier === null || earlier === undefined) {
        values[field] = value;
        merged.from[field] = row.number;
      } else if (!same(field, earlier, value)) {
        errors.push({
          row: row.number,
          column: headerOf(field),
          message: message('imports.conflictingRows', { row: merged.from[field]!, earlier: show(earlier), value: show(value) }),
        });
      }
    }
  }
  return { applications: [...byKey.values()].map(({ key, rows: numbers, values }) => ({ key, rows: numbers, values })), errors };
}
