import { queryOptions, useQuery } from '@tanstack/react-query';
import { aboutSchema, type About } from '@tm/shared/schemas/about';

export async function getAbout(): Promise<About> {
  const res = await fetch('/api/v1/about', { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET /api/v1/about answered ${res.status}`);
  return aboutSchema.parse(await res.json());
}

export const aboutQueryOptions = () => queryOptions({ queryKey: ['about'], queryFn: getAbout, staleTime: Infinity });

export function useAbout() {
  return useQuery(aboutQueryOptions());
}
