import type { ImportQuery, ImportReport } from '@tm/shared/schemas/import';
import { ApiError, postForm, toQueryString, type UploadProgress } from '../../../lib/api.ts';

export type ImportCallbacks = {
  onUploadProgress?: (progress: UploadProgress) => void;
  onUploaded?: () => void;
  signal?: AbortSignal;
};

/** Sends the spreadsheet for a dry run (only a report) or a commit (all rows or none). */
export function importSpreadsheet(code: string, file: File, query: ImportQuery, callbacks: ImportCallbacks = {}): Promise<ImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  return postForm<ImportReport>(`/municipalities/${encodeURIComponent(code)}/imports${toQueryString(query)}`, form, callbacks);
}

/**
 * The report a refused commit carries in its 422 problem (the file has errors now, e.g. because the inventory changed
 * since the dry run); null for any other failure, such as a file that could not be read at all.
 */
export function reportOfRefusedCommit(error: unknown): ImportReport | null {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const problem: Record<string, unknown> = { ...error.problem };
  return problem.mode === 'commit' && Array.isArray(problem.errors) && typeof problem.rows === 'number'
    ? (problem as unknown as ImportReport)
    : null;
}
