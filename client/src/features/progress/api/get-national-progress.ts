import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Measure, NationalProgress } from '@tm/shared/schemas/progress';
import { getJson, toQueryString } from '../../../lib/api.ts';
import { DASHBOARD_KEY } from '../../../lib/dashboard-key.ts';

export const nationalProgressQueryOptions = (measure: Measure) =>
  queryOptions({
    queryKey: [...DASHBOARD_KEY, 'progress', 'national', { measure }],
    queryFn: ({ signal }) => getJson<NationalProgress>(`/progress/national${toQueryString({ measure: measure === 'count' ? undefined : measure })}`, signal),
  });

export function useNationalProgress(measure: Measure) {
  return useQuery(nationalProgressQueryOptions(measure));
}
