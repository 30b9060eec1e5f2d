import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Municipality } from '@tm/shared/schemas/municipality';
import { getJson } from '../../../lib/api.ts';

export const municipalityQueryOptions = (code: string) =>
  queryOptions({
    queryKey: ['municipalities', code],
    queryFn: ({ signal }) => getJson<Municipality>(`/municipalities/${encodeURIComponent(code)}`, signal),
    staleTime: 60 * 60 * 1000,
  });

export function useMunicipality(code: string) {
  return useQuery(municipalityQueryOptions(code));
}
