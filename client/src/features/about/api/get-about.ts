import { queryOptions, useQuery } from '@tanstack/react-query';
import type { About } from '@tm/shared/schemas/about';
import { getJson } from '../../../lib/api.ts';

export const aboutQueryOptions = () =>
  queryOptions({ queryKey: ['about'], queryFn: ({ signal }) => getJson<About>('/about', signal), staleTime: Infinity });

export function useAbout() {
  return useQuery(aboutQueryOptions());
}
