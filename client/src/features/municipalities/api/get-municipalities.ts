import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Municipality } from '@tm/shared/schemas/municipality';
import { getJson } from '../../../lib/api.ts';

export const municipalitiesQueryOptions = () =>
  queryOptions({
    queryKey: ['municipalities'],
    queryFn: ({ signal }) => getJson<{ items: Municipality[]; total: number }>('/municipalities', signal),
    // The register changes with municipal mergers, a few times a year.
    staleTime: 60 * 60 * 1000,
  });

export function useMunicipalities({ enabled = true } = {}) {
  return useQuery({ ...municipalitiesQueryOptions(), enabled });
}
