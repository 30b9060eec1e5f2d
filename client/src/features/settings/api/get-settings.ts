import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Settings } from '@tm/shared/schemas/settings';
import { getJson } from '../../../lib/api.ts';

export const settingsQueryOptions = () =>
  queryOptions({ queryKey: ['settings'], queryFn: ({ signal }) => getJson<Settings>('/settings', signal), staleTime: 5 * 60 * 1000 });

export function useSettings() {
  return useQuery(settingsQueryOptions());
}
