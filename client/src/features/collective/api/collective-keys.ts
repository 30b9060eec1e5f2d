import { DASHBOARD_KEY } from '../../../lib/dashboard-key.ts';

/**
 * Query keys from general to specific. Blocking products are figures of the inventories (under the dashboard key, so
 * an inventory write reads them again); so is a coalition's progress, which follows its members' inventories.
 */
const ALL = [...DASHBOARD_KEY, 'collective'] as const;

export const collectiveKeys = {
  all: ALL,
  blockingProducts: (query: object) => [...ALL, 'blocking-products', query] as const,
  coalitions: (query: object) => [...ALL, 'coalitions', 'list', query] as const,
  coalition: (id: string) => [...ALL, 'coalitions', 'one', id] as const,
};
