import { useQuery } from '@tanstack/react-query';
import type { ProductVersionList, ProductVersionListQuery } from '@tm/shared/schemas/product';
import { catalogueKeys } from './catalogue-keys.ts';
import { pagedListQueryOptions } from './paged-list.ts';

/** Product versions across the catalogue, most municipalities first; the steward asks for the unjudged ones. */
export const productVersionsQueryOptions = (query: ProductVersionListQuery) =>
  pagedListQueryOptions<ProductVersionList>(catalogueKeys.versions(query), '/product-versions', query);

export function useProductVersions(query: ProductVersionListQuery) {
  return useQuery(productVersionsQueryOptions(query));
}
