import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PeerGroup } from '@tm/shared/schemas/peers';
import { getJson } from '../../../lib/api.ts';

export const peerGroupsQueryOptions = () =>
  queryOptions({ queryKey: ['peer-groups'], queryFn: ({ signal }) => getJson<{ items: PeerGroup[]; total: number }>('/peer-groups', signal) });

export function usePeerGroups() {
  return useQuery(peerGroupsQueryOptions());
}
