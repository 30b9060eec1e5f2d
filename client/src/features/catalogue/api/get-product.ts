import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Product } from '@tm/shared/schemas/product';
import { getJson } from '../../../lib/api.ts';
import { catalogueKeys } from './catalogue-keys.ts';

export const productQueryOptions = (id: string) =>
  queryOptions({
    queryKey: catalogueKeys.product(id),
    queryFn: ({ signal }) => getJson<Product>(`/products/${encodeURIComponent(id)}`, signal),
  });

export function useProduct(id: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...productQueryOptions(id), enabled });
}
