import { useMutation } from '@tanstack/react-query';
import type { CreatedSubscription, CreateSubscriptionInput, Subscription } from '@tm/shared/schemas/subscriptions';
import { request } from '../../../lib/api.ts';
import { useCreate, useInvalidate } from '../../../lib/versioned-mutations.ts';
import { subscriptionsKeys } from './subscriptions-keys.ts';

/** Creating, enabling and deleting are recorded in the audit trail, so it is read again too. */
const CHANGED = [subscriptionsKeys.all, ['audit-events']] as const;

/** The answer carries the signing secret: the only time it is shown. */
export function useCreateSubscription() {
  return useCreate<CreateSubscriptionInput, CreatedSubscription>('/subscriptions', CHANGED);
}

/** Enables a disabled subscription again (it resumes where it gave up), or pauses one. */
export function useSetSubscriptionEnabled() {
  const invalidate = useInvalidate(CHANGED);
  return useMutation({
    mutationFn: async ({ id, enabled }: { id: string; enabled: boolean }) =>
      (await request<Subscription>(`/subscriptions/${id}`, { method: 'PATCH', body: { enabled } })).data,
    onSettled: invalidate,
  });
}

export function useDeleteSubscription() {
  const invalidate = useInvalidate(CHANGED);
  return useMutation({
    mutationFn: async (id: string) => {
      await request<void>(`/subscriptions/${id}`, { method: 'DELETE' });
    },
    onSettled: invalidate,
  });
}
