import { DASHBOARD_KEY } from '../../../lib/dashboard-key.ts';

/**
 * Query keys from general to specific. Under the dashboard key: what runs each product comes from the inventories,
 * so an inventory write reads the catalogue again, and a judgement reads every dashboard again.
 */
const ALL = [...DASHBOARD_KEY, 'catalogue'] as const;

export const catalogueKeys = {
  all: ALL,
  products: (query: object) => [...ALL, 'products', query] as const,
  product: (id: string) => [...ALL, 'product', id] as const,
  versions: (query: object) => [...ALL, 'versions', query] as const,
  duplicates: (query: object) => [...ALL, 'duplicates', query] as const,
  declines: (query: object) => [...ALL, 'declines', query] as const,
};
