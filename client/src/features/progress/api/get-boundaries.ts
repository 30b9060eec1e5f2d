import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Topology } from 'topojson-specification';

/** Municipal boundaries (CBS / PDOK, generalised), served as a static file beside the app. */
export const boundariesQueryOptions = () =>
  queryOptions({
    queryKey: ['boundaries'],
    queryFn: async ({ signal }) => {
      const response = await fetch('/geo/municipalities.topo.json', { signal });
      if (!response.ok) throw new Error(`Boundaries: HTTP ${response.status}`);
      return (await response.json()) as Topology;
    },
    staleTime: Infinity,
  });

export function useBoundaries() {
  return useQuery(boundariesQueryOptions());
}
