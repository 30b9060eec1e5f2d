import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ReferenceComponent } from '@tm/shared/schemas/reference-component';
import { getJson } from '../../../lib/api.ts';

export const referenceComponentsQueryOptions = () =>
  queryOptions({
    queryKey: ['reference-components'],
    queryFn: ({ signal }) => getJson<{ items: ReferenceComponent[]; total: number }>('/reference-components', signal),
    staleTime: 60 * 60 * 1000,
  });

export function useReferenceComponents() {
  return useQuery(referenceComponentsQueryOptions());
}
