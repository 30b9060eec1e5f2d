import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { NationalProgress } from '@tm/shared/schemas/progress';
import { getJson, toQueryString } from '../../../lib/api.ts';
import { DASHBOARD_KEY } from '../../../lib/dashboard-key.ts';
import type { ProgressParams } from './get-municipality-progress.ts';

export const nationalProgressQueryOptions = ({ measure, knownAt }: ProgressParams) =>
  queryOptions({
    queryKey: [...DASHBOARD_KEY, 'progress', 'national', { measure, knownAt }],
    queryFn: ({ signal }) =>
      getJson<NationalProgress>(`/progress/national${toQueryString({ measure: measure === 'count' ? undefined : measure, knownAt })}`, signal),
    placeholderData: keepPreviousData,
  });

export function useNationalProgress(params: ProgressParams) {
  return useQuery(nationalProgressQueryOptions(params));
}
