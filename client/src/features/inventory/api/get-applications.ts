import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ApplicationList, ApplicationListQuery } from '@tm/shared/schemas/application';
import { getJson, toQueryString } from '../../../lib/api.ts';
import { applicationKeys } from './applications-keys.ts';

export type ApplicationListParams = Partial<ApplicationListQuery>;

export const applicationsQueryOptions = (code: string, query: ApplicationListParams) =>
  queryOptions({
    queryKey: applicationKeys.list(code, query),
    queryFn: ({ signal }) =>
      getJson<ApplicationList>(`/municipalities/${encodeURIComponent(code)}/applications${toQueryString(query)}`, signal),
    // Paging and filtering keep the previous rows on screen until the next ones arrive: no flashing table.
    placeholderData: keepPreviousData,
  });

export function useApplications(code: string, query: ApplicationListParams) {
  return useQuery(applicationsQueryOptions(code, query));
}
