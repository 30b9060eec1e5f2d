import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { applicationListQuerySchema, type ApplicationListQuery } from '@tm/shared/schemas/application';

const QUERY_KEYS = ['q', 'status', 'layer', 'lifecycle', 'missing', 'referenceComponentId', 'sort', 'page', 'pageSize'] as const;
export type ListFilterKey = 'status' | 'layer' | 'lifecycle' | 'missing';

/** The address's list parameters, read with the server's own schema; a broken one is dropped, not fatal. */
export function parseInventoryParams(params: URLSearchParams): ApplicationListQuery {
  const raw: Record<string, string> = {};
  for (const key of QUERY_KEYS) {
    const value = params.get(key);
    if (value !== null && value !== '') raw[key] = value;
  }
  const first = applicationListQuerySchema.safeParse(raw);
  if (first.success) return first.data;
  for (const issue of first.error.issues) delete raw[String(issue.path[0])];
  return applicationListQuerySchema.parse(raw);
}

/** Table state lives in the address, so a filtered view can be bookmarked and shared. */
export function useInventoryParams() {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => parseInventoryParams(params), [params]);
  const panel = params.get('applicatie');

  const update = useCallback(
    (change: (next: URLSearchParams) => void, options: { resetPage?: boolean; replace?: boolean } = {}) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          change(next);
          if (options.resetPage) next.delete('page');
          return next;
        },
        { replace: options.replace ?? false },
      );
    },
    [setParams],
  );

  return {
    query,
    panel,
    setSearch: (q: string) => update((n) => (q ? n.set('q', q) : n.delete('q')), { resetPage: true, replace: true }),
    setFilter: (key: ListFilterKey, values: readonly string[]) =>
      update((n) => (values.length ? n.set(key, values.join(',')) : n.delete(key)), { resetPage: true }),
    clearFilters: () =>
      update((n) => ['q', 'status', 'layer', 'lifecycle', 'missing', 'referenceComponentId'].forEach((k) => n.delete(k)), { resetPage: true }),
    setSort: (sort: string) => update((n) => (sort === 'name' ? n.delete('sort') : n.set('sort', sort)), { resetPage: true }),
    setPage: (page: number) => update((n) => (page <= 1 ? n.delete('page') : n.set('page', String(page)))),
    setPageSize: (size: number) => update((n) => n.set('pageSize', String(size)), { resetPage: true }),
    openPanel: (id: string | null) => update((n) => (id ? n.set('applicatie', id) : n.delete('applicatie'))),
  };
}
