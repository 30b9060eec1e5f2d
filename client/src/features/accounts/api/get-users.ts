import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { User, UserListQuery } from '@tm/shared/schemas/account';
import { getJson, request, toQueryString } from '../../../lib/api.ts';

export const userKeys = {
  all: ['users'] as const,
  list: (query: UserListQuery) => ['users', 'list', query] as const,
  one: (id: string) => ['users', 'one', id] as const,
};

export const usersQueryOptions = (query: UserListQuery = {}) =>
  queryOptions({
    queryKey: userKeys.list(query),
    queryFn: ({ signal }) => getJson<{ items: User[]; total: number }>(`/users${toQueryString(query)}`, signal),
  });

/** The list stays on screen while a new filter loads, so typing in the search box does not flash a skeleton. */
export function useUsers(query: UserListQuery, enabled = true) {
  return useQuery({ ...usersQueryOptions(query), enabled, placeholderData: keepPreviousData });
}

/** One account with its ETag, which a change or removal must send back (If-Match). */
export function useUser(id: string | null) {
  return useQuery({
    queryKey: userKeys.one(id ?? ''),
    queryFn: ({ signal }) => request<User>(`/users/${encodeURIComponent(id ?? '')}`, { signal }),
    enabled: id !== null,
  });
}
