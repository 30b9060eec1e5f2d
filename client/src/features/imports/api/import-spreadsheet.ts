import type { ImportQuery, ImportReport, ImportUndoResult } from '@tm/shared/schemas/import';
import { ApiError, postForm, request, toQueryString, type UploadProgress } from '../../../lib/api.ts';

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
 * The report a refused commit carries in its problem: a 422 when the file has errors now (e.g. because the inventory
 * changed since the dry run), a 409 when someone changed an application after the file was exported; null for any
 * other failure, such as a file that could not be read at all.
 */
export function reportOfRefusedCommit(error: unknown): ImportReport | null {
  if (!(error instanceof ApiError) || (error.status !== 422 && error.status !== 409)) return null;
  const problem: Record<string, unknown> = { ...error.problem };
  return problem.mode === 'commit' && Array.isArray(problem.errors) && typeof problem.rows === 'number'
    ? (problem as unknown as ImportReport)
    : null;
}

/** Undoes a committed import as one step; a 409 says which applications were changed since. */
export async function undoImport(code: string, importId: string): Promise<ImportUndoResult> {
  const path = `/municipalities/${encodeURIComponent(code)}/imports/${encodeURIComponent(importId)}/undo`;
  return (await request<ImportUndoResult>(path, { method: 'POST' })).data;
}
