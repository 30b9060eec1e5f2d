import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Municipality } from '@tm/shared/schemas/municipality';
import { getJson } from '../../../lib/api.ts';

/** The whole register as Beheer reads it: today's municipalities and those merged away, each with where it went. */
export const registerQueryOptions = () =>
  queryOptions({
    // Under the municipalities' key, so that a merger's invalidation refreshes it too.
    queryKey: ['municipalities', 'register'],
    queryFn: ({ signal }) => getJson<{ items: Municipality[]; total: number }>('/municipalities?ended=include', signal),
    staleTime: 60 * 60 * 1000,
    placeholderData: keepPreviousData,
  });

export function useRegister() {
  return useQuery(registerQueryOptions());
}
