import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MunicipalityGroup, NationalProgress } from '@tm/shared/schemas/progress';
import { getJson, toQueryString } from '../../../lib/api.ts';
import { DASHBOARD_KEY } from '../../../lib/dashboard-key.ts';
import type { ProgressParams } from './get-municipality-progress.ts';

/** The national figures, or with a group (province, size class) the same figures of that group alone. */
export const nationalProgressQueryOptions = ({ measure, knownAt, province, sizeClass }: ProgressParams & MunicipalityGroup) =>
  queryOptions({
    queryKey: [...DASHBOARD_KEY, 'progress', 'national', { measure, knownAt, province, sizeClass }],
    queryFn: ({ signal }) =>
      getJson<NationalProgress>(
        `/progress/national${toQueryString({ measure: measure === 'count' ? undefined : measure, knownAt, province, sizeClass })}`,
        signal,
      ),
    // The previous figures stay while another measure or date loads, but never stand in for another group's.
    placeholderData: (previous, previousQuery) => {
      const was = previousQuery?.queryKey[3] as MunicipalityGroup | undefined;
      return was?.province === province && was?.sizeClass === sizeClass ? previous : undefined;
    },
  });

export function useNationalProgress(params: ProgressParams & MunicipalityGroup) {
  return useQuery(nationalProgressQueryOptions(params));
}
