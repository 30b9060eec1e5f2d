import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditEvent, AuditEventListQuery } from '@tm/shared/schemas/audit';
import { getJson, toQueryString } from '../../../lib/api.ts';

export type AuditFilters = Omit<Partial<AuditEventListQuery>, 'page' | 'pageSize'>;
export type AuditQuery = AuditFilters & { page: number; pageSize: number };
type AuditPage = { items: AuditEvent[]; total: number };

const fetchPage = (query: AuditQuery, signal?: AbortSignal) => getJson<AuditPage>(`/audit-events${toQueryString(query)}`, signal);

export const auditEventsQueryOptions = (query: AuditQuery) =>
  queryOptions({ queryKey: ['audit-events', query], queryFn: ({ signal }) => fetchPage(query, signal) });

/** The page on screen stays while the next one loads, so paging does not jump. */
export function useAuditEvents(query: AuditQuery) {
  return useQuery({ ...auditEventsQueryOptions(query), placeholderData: keepPreviousData });
}

/** The most rows an export holds: a year of a busy programme; a longer trail is exported a period at a time. */
export const EXPORT_LIMIT = 20_000;
const EXPORT_PAGE = 500;

/** Every entry that matches the filters, newest first, for an export. */
export async function allAuditEvents(filters: AuditFilters): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for (let page = 1; events.length < EXPORT_LIMIT; page++) {
    const { items, total } = await fetchPage({ ...filters, page, pageSize: EXPORT_PAGE });
    events.push(...items);
    if (items.length < EXPORT_PAGE || events.length >= total) break;
  }
  return events.slice(0, EXPORT_LIMIT);
}
