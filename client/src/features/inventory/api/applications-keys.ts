import type { ApplicationListQuery } from '@tm/shared/schemas/application';

/** From general to specific, so one invalidation of `all` refreshes every list, detail and history. */
export const applicationKeys = {
  all: ['applications'] as const,
  lists: (code: string) => ['applications', 'list', code] as const,
  list: (code: string, query: Partial<ApplicationListQuery>) => ['applications', 'list', code, query] as const,
  detail: (id: string) => ['applications', 'detail', id] as const,
  history: (id: string) => ['applications', 'history', id] as const,
};
