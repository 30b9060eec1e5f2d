import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ProductSort } from '@tm/shared/schemas/product';
import type { ProductListParams } from '../api/get-products.ts';

/** How the reader orders the catalogue: by users, by name, or (searching) the closest match first. */
export const PRODUCT_ORDERS = ['users', 'name', 'match'] as const;
export type ProductOrder = (typeof PRODUCT_ORDERS)[number];

export const PRODUCTS_PAGE_SIZE = 25;

const API_SORT: Record<ProductOrder, ProductSort | undefined> = { users: '-municipalityCount', name: 'name', match: undefined };

/** The order the address asks for, else the one that fits: the closest match for a search, most users otherwise. */
export function orderOf(params: URLSearchParams): ProductOrder {
  const q = params.get('q')?.trim();
  const asked = PRODUCT_ORDERS.find((o) => o === params.get('sort'));
  if (asked === 'match' && !q) return 'users';
  return asked ?? (q ? 'match' : 'users');
}

/** Search, order and page live in the address, so a search can be bookmarked and shared. */
export function useProductListParams() {
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() || undefined;
  const order = orderOf(params);
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const query: ProductListParams = useMemo(() => ({ q, sort: API_SORT[order], page, pageSize: PRODUCTS_PAGE_SIZE }), [q, order, page]);

  const update = useCallback(
    (change: (next: URLSearchParams) => void) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        change(next);
        return next;
      }),
    [setParams],
  );

  return {
    q,
    order,
    page,
    query,
    /** A new search starts at its first page, in the order that fits it. */
    search: (text: string) =>
      update((n) => {
        if (text.trim()) n.set('q', text.trim());
        else n.delete('q');
        n.delete('sort');
        n.delete('page');
      }),
    setOrder: (next: ProductOrder) =>
      update((n) => {
        n.set('sort', next);
        n.delete('page');
      }),
    setPage: (next: number) => update((n) => (next <= 1 ? n.delete('page') : n.set('page', String(next)))),
  };
}
