import { DASHBOARD_KEY } from '../../../lib/dashboard-key.ts';

/**
 * Under the dashboard key: a suggestion comes from an inventory and a verified judgement, so a write of either reads
 * the suggestions again, and accepting one reads every dashboard again.
 */
const ALL = [...DASHBOARD_KEY, 'suggestions'] as const;

export const suggestionsKeys = {
  all: ALL,
  of: (code: string) => [...ALL, code] as const,
};
