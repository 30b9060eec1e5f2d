import { queryOptions, useQuery } from '@tanstack/react-query';

export const MAP_WIDTH = 560;
export const MAP_HEIGHT = 660;

/** Every municipality's outline as an SVG path in a MAP_WIDTH × MAP_HEIGHT frame (scripts/build-map-shapes.ts). */
export type MapShapes = { code: string; name: string; d: string }[];

/** Municipal boundaries (CBS / PDOK, generalised), projected at build time and served beside the app. */
export const mapShapesQueryOptions = () =>
  queryOptions({
    queryKey: ['map-shapes'],
    queryFn: async ({ signal }) => {
      const response = await fetch('/geo/municipalities.shapes.json', { signal });
      if (!response.ok) throw new Error(`Boundaries: HTTP ${response.status}`);
      return (await response.json()) as MapShapes;
    },
    staleTime: Infinity,
  });

export function useMapShapes() {
  return useQuery(mapShapesQueryOptions());
}
