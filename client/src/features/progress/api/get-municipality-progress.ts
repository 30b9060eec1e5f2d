import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { Measure, MunicipalityProgress } from '@tm/shared/schemas/progress';
import { getJson, toQueryString } from '../../../lib/api.ts';
import { DASHBOARD_KEY } from '../../../lib/dashboard-key.ts';

export type ProgressParams = { measure: Measure; knownAt?: string | undefined };

export const municipalityProgressQueryOptions = (code: string, { measure, knownAt }: ProgressParams) =>
  queryOptions({
    queryKey: [...DASHBOARD_KEY, 'progress', code, { measure, knownAt }],
    queryFn: ({ signal }) =>
      getJson<MunicipalityProgress>(
        `/municipalities/${encodeURIComponent(code)}/progress${toQueryString({ measure: measure === 'count' ? undefined : measure, knownAt })}`,
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export function useMunicipalityProgress(code: string, params: ProgressParams) {
  return useQuery(municipalityProgressQueryOptions(code, params));
}
