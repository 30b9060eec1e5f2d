/** Query keys from general to specific: every subscription of the reader, then one's delivery log. */
export const subscriptionsKeys = {
  all: ['subscriptions'] as const,
  deliveries: (id: string) => ['subscriptions', id, 'deliveries'] as const,
};
