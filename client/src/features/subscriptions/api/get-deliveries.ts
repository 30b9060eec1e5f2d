import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Delivery } from '@tm/shared/schemas/subscriptions';
import { getJson } from '../../../lib/api.ts';
import { subscriptionsKeys } from './subscriptions-keys.ts';

/** How many of the latest deliveries a subscription shows. */
export const LAST_DELIVERIES = 5;

export const deliveriesQueryOptions = (id: string) =>
  queryOptions({
    queryKey: subscriptionsKeys.deliveries(id),
    queryFn: ({ signal }) => getJson<{ items: Delivery[]; total: number }>(`/subscriptions/${id}/deliveries?pageSize=${LAST_DELIVERIES}`, signal),
    // Deliveries go on in the background: the log follows without a reload while it is on screen.
    refetchInterval: 15_000,
  });

export function useDeliveries(id: string) {
  return useQuery(deliveriesQueryOptions(id));
}
