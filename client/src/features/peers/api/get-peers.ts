import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Peers } from '@tm/shared/schemas/peers';
import type { Measure } from '@tm/shared/schemas/progress';
import { getJson, toQueryString } from '../../../lib/api.ts';
import { DASHBOARD_KEY } from '../../../lib/dashboard-key.ts';

export const peersQueryOptions = (code: string, group: string, measure: Measure) =>
  queryOptions({
    queryKey: [...DASHBOARD_KEY, 'peers', code, { group, measure }],
    queryFn: ({ signal }) =>
      getJson<Peers>(`/municipalities/${encodeURIComponent(code)}/peers${toQueryString({ group, measure: measure === 'count' ? undefined : measure })}`, signal),
    placeholderData: keepPreviousData,
  });

export function usePeers(code: string, group: string, measure: Measure) {
  return useQuery(peersQueryOptions(code, group, measure));
}
