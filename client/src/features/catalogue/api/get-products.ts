import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ProductList, ProductSort } from '@tm/shared/schemas/product';
import { getJson, toQueryString } from '../../../lib/api.ts';
import { catalogueKeys } from './catalogue-keys.ts';

export type ProductListParams = { q?: string | undefined; sort?: ProductSort | undefined; page: number; pageSize: number };

export const productsQueryOptions = (params: ProductListParams) =>
  queryOptions({
    queryKey: catalogueKeys.products(params),
    queryFn: ({ signal }) => getJson<ProductList>(`/products${toQueryString({ ...params, page: params.page > 1 ? params.page : undefined })}`, signal),
    // The previous page stays on screen while the next one loads, so the table does not jump.
    placeholderData: keepPreviousData,
  });

export function useProducts(params: ProductListParams) {
  return useQuery(productsQueryOptions(params));
}
