import type { ApplicationListQuery } from '@tm/shared/schemas/application';
import { API_BASE, toQueryString } from '../../../lib/api.ts';

/** Every file format the list downloads as: spreadsheets and the ArchiMate exchange file. */
export type ExportFormat = Exclude<ApplicationListQuery['format'], 'json'>;

/** The list a user is looking at, minus paging: an export holds every matching row, in the same order. */
type ExportFilters = Pick<Partial<ApplicationListQuery>, 'q' | 'status' | 'layer' | 'lifecycle' | 'missing' | 'referenceComponentId' | 'sort'>;

/** Plain links, not fetches: the browser downloads with the session cookie and names the file from the answer. */
export function exportUrl(code: string, filters: ExportFilters, format: ExportFormat): string {
  const { q, status, layer, lifecycle, missing, referenceComponentId, sort } = filters;
  const query = toQueryString({ q, status, layer, lifecycle, missing, referenceComponentId, sort: sort === 'name' ? undefined : sort, format });
  return `${API_BASE}/municipalities/${encodeURIComponent(code)}/applications${query}`;
}

export const IMPORT_TEMPLATE_URL = `${API_BASE}/import-template`;
