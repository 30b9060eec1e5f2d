import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { BlockingProductList } from '@tm/shared/schemas/blocking-product';
import type { Province } from '@tm/shared/schemas/municipality';
import { getJson, toQueryString } from '../../../lib/api.ts';
import { collectiveKeys } from './collective-keys.ts';

export type BlockingProductParams = { province?: Province | undefined; sizeClass?: number | undefined; productId?: string | undefined; pageSize: number };

export const blockingProductsQueryOptions = (params: BlockingProductParams) =>
  queryOptions({
    queryKey: collectiveKeys.blockingProducts(params),
    queryFn: ({ signal }) => getJson<BlockingProductList>(`/blocking-products${toQueryString(params)}`, signal),
    // The previous filter's products stay on screen while the next ones load, so the chart does not jump.
    placeholderData: keepPreviousData,
  });

export function useBlockingProducts(params: BlockingProductParams) {
  return useQuery(blockingProductsQueryOptions(params));
}
