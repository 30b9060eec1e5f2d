import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Subscription } from '@tm/shared/schemas/subscriptions';
import { getJson } from '../../../lib/api.ts';
import { subscriptionsKeys } from './subscriptions-keys.ts';

/** The reader's own subscriptions; an admin's list holds everyone's. */
export const subscriptionsQueryOptions = () =>
  queryOptions({
    queryKey: subscriptionsKeys.all,
    queryFn: ({ signal }) => getJson<{ items: Subscription[]; total: number }>('/subscriptions', signal),
  });

export function useSubscriptions() {
  return useQuery(subscriptionsQueryOptions());
}
