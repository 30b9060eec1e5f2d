import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditEvent } from '@tm/shared/schemas/audit';
import { getJson, toQueryString } from '../../../lib/api.ts';

export type AuditQuery = { page: number; pageSize: number; entityType?: string | undefined };

export const auditEventsQueryOptions = (query: AuditQuery) =>
  queryOptions({
    queryKey: ['audit-events', query],
    queryFn: ({ signal }) => getJson<{ items: AuditEvent[]; total: number }>(`/audit-events${toQueryString(query)}`, signal),
  });

/** The page on screen stays while the next one loads, so paging does not jump. */
export function useAuditEvents(query: AuditQuery) {
  return useQuery({ ...auditEventsQueryOptions(query), placeholderData: keepPreviousData });
}
