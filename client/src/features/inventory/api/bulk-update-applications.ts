import { useMutation } from '@tanstack/react-query';
import type { ApplicationList, ApplicationListQuery } from '@tm/shared/schemas/application';
import {
  MAX_BULK_APPLICATIONS,
  type BulkChanges,
  type BulkUpdateResult,
} from '@tm/shared/schemas/application-bulk-update';
import type { FieldError } from '@tm/shared/schemas/problem';
import { getJson, request, toQueryString } from '../../../lib/api.ts';
import type { SelectedApplication } from '../hooks/use-selection.ts';
import { useInvalidateAfterWrite } from './change-application.ts';

/** The server's largest page: at most two requests fetch every application a bulk update can take. */
const PAGE_SIZE = 500;

/**
 * Every application matching the list's filters, as selection entries; null when more match than one bulk update
 * may change, so the caller never selects a part it did not choose.
 */
export async function fetchAllMatching(code: string, query: ApplicationListQuery): Promise<SelectedApplication[] | null> {
  const selected: SelectedApplication[] = [];
  const { q, status, layer, lifecycle, missing, referenceComponentId, sort } = query;
  for (let page = 1; ; page += 1) {
    const list = await getJson<ApplicationList>(
      `/municipalities/${encodeURIComponent(code)}/applications${toQueryString({ q, status, layer, lifecycle, missing, referenceComponentId, sort, page, pageSize: PAGE_SIZE })}`,
    );
    if (list.total > MAX_BULK_APPLICATIONS) return null;
    selected.push(...list.items.map(({ id, name, updatedAt }) => ({ id, name, updatedAt })));
    if (page * PAGE_SIZE >= list.total) return selected;
  }
}

export function useBulkUpdateApplications(code: string) {
  const invalidate = useInvalidateAfterWrite();
  return useMutation({
    mutationFn: async ({ applications, changes }: { applications: readonly SelectedApplication[]; changes: BulkChanges }) =>
      (
        await request<BulkUpdateResult>(`/municipalities/${encodeURIComponent(code)}/applications/bulk-updates`, {
          method: 'POST',
          body: { applications: applications.map(({ id, updatedAt }) => ({ id, updatedAt })), changes },
        })
      ).data,
    onSettled: invalidate,
  });
}

/** The sent applications a refused bulk update names in its `errors` (as `applications.<index>.<field>`), each once. */
export function refusedApplications(errors: readonly FieldError[], sent: readonly SelectedApplication[]): SelectedApplication[] {
  const indices = new Set(errors.flatMap((e) => {
    const match = /^applications\.(\d+)\./.exec(e.path);
    return match ? [Number(match[1])] : [];
  }));
  return [...indices].sort((a, b) => a - b).flatMap((i) => (sent[i] ? [sent[i]] : []));
}
