import type { ImportError, ImportReport } from '@tm/shared/schemas/import';

export type CountKey = 'rows' | 'applications' | 'created' | 'updated' | 'unchanged' | 'defaultedToLegacy' | 'missing' | 'phasedOut';
export type ReportCount = { key: CountKey; value: number };

/**
 * The figures of a report in reading order. Rows, new, changed and unchanged always show; the rest only when they say
 * something: applications differ from rows only when rows merged (Softwarecatalogus export), and a zero of the others
 * is noise.
 */
export function reportCounts(report: ImportReport): ReportCount[] {
  const counts: ReportCount[] = [{ key: 'rows', value: report.rows }];
  if (report.applications !== report.rows) counts.push({ key: 'applications', value: report.applications });
  counts.push({ key: 'created', value: report.created }, { key: 'updated', value: report.updated }, { key: 'unchanged', value: report.unchanged });
  if (report.defaultedToLegacy > 0) counts.push({ key: 'defaultedToLegacy', value: report.defaultedToLegacy });
  if (report.missing.length > 0) counts.push({ key: 'missing', value: report.missing.length });
  if (report.phasedOut > 0) counts.push({ key: 'phasedOut', value: report.phasedOut });
  return counts;
}

/** A table of thousands of errors helps nobody; the first ones show and the download holds them all. */
export const ERRORS_SHOWN = 100;

export function shownErrors(errors: readonly ImportError[], limit = ERRORS_SHOWN): { shown: readonly ImportError[]; hidden: number } {
  return { shown: errors.slice(0, limit), hidden: Math.max(0, errors.length - limit) };
}

/** Whether the errors name elements of an ArchiMate exchange file rather than rows of a spreadsheet. */
export function namesElements(errors: readonly ImportError[]): boolean {
  return errors.some((e) => e.element !== undefined);
}

/** How many distinct rows (or elements) the errors are on: "3 fouten in 2 rijen". */
export function rowsWithErrors(errors: readonly ImportError[]): number {
  return new Set(errors.map((e) => e.element ?? e.row)).size;
}
