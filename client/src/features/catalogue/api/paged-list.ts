import { keepPreviousData, queryOptions, type QueryKey } from '@tanstack/react-query';
import { getJson, toQueryString } from '../../../lib/api.ts';

export type PageQuery = { page: number; pageSize: number };

/**
 * One page of a catalogue list. The first page is asked for without `page`, as the API defaults it; the previous
 * page stays on screen while the next one loads, so the list does not jump.
 */
export function pagedListQueryOptions<T>(queryKey: QueryKey, path: string, query: PageQuery & Record<string, string | number | undefined>) {
  return queryOptions({
    queryKey,
    queryFn: ({ signal }) => getJson<T>(`${path}${toQueryString({ ...query, page: query.page > 1 ? query.page : undefined })}`, signal),
    placeholderData: keepPreviousData,
  });
}
