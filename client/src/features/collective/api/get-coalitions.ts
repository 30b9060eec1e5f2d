import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CoalitionDetail, CoalitionList } from '@tm/shared/schemas/coalition';
import { getJson, toQueryString } from '../../../lib/api.ts';
import { collectiveKeys } from './collective-keys.ts';

export type CoalitionListParams = { productId?: string | undefined; municipalityCode?: string | undefined; pageSize?: number | undefined };

export const coalitionsQueryOptions = (params: CoalitionListParams) =>
  queryOptions({
    queryKey: collectiveKeys.coalitions(params),
    queryFn: ({ signal }) => getJson<CoalitionList>(`/coalitions${toQueryString(params)}`, signal),
  });

/** Coalitions are for readers who are signed in: for others nothing is asked. */
export function useCoalitions(params: CoalitionListParams, { enabled }: { enabled: boolean }) {
  return useQuery({ ...coalitionsQueryOptions(params), enabled });
}

export const coalitionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: collectiveKeys.coalition(id),
    queryFn: ({ signal }) => getJson<CoalitionDetail>(`/coalitions/${encodeURIComponent(id)}`, signal),
  });

export function useCoalition(id: string) {
  return useQuery(coalitionQueryOptions(id));
}
