import { queryOptions, useQuery } from '@tanstack/react-query';
import type { HistoryEntry } from '@tm/shared/schemas/history';
import { getJson } from '../../../lib/api.ts';
import { applicationKeys } from './applications-keys.ts';

export const applicationHistoryQueryOptions = (id: string) =>
  queryOptions({
    queryKey: applicationKeys.history(id),
    queryFn: ({ signal }) =>
      getJson<{ items: HistoryEntry[]; total: number }>(`/applications/${encodeURIComponent(id)}/history`, signal),
  });

export function useApplicationHistory(id: string) {
  return useQuery(applicationHistoryQueryOptions(id));
}
