import { useQuery } from '@tanstack/react-query';
import type { ProductDuplicateList } from '@tm/shared/schemas/product';
import { catalogueKeys } from './catalogue-keys.ts';
import { pagedListQueryOptions, type PageQuery } from './paged-list.ts';

/** Pairs of products whose names are alike (the database's pg_trgm), for a steward to merge or tell apart. */
export const productDuplicatesQueryOptions = (query: PageQuery) =>
  pagedListQueryOptions<ProductDuplicateList>(catalogueKeys.duplicates(query), '/product-duplicates', query);

export function useProductDuplicates(query: PageQuery) {
  return useQuery(productDuplicatesQueryOptions(query));
}
