import { blockingProductListQuerySchema, blockingProductListSchema } from '@tm/shared/schemas/blocking-product';
import type { ApiDocs } from '../../http/openapi.ts';

export function registerBlockingProductsDocs(docs: ApiDocs): void {
  docs.add({
    method: 'get',
    path: '/blocking-products',
    summary: 'The legacy products most municipalities still run: where joint procurement pays',
    description:
      'Per catalogue product, the municipalities (of today’s register, narrowed by `province` and `sizeClass`) that run ' +
      'it as legacy today: applications in production or being phased out that are not compliant (`in_transition` counts ' +
      'as legacy), with their number, annual cost and the years their users plan to replace them. Most municipalities ' +
      'first, then most applications. `municipalityShare` is of the municipalities in the filter (`municipalityCount` at ' +
      'the top level), so a product every municipality runs stands out as such. `productId` gives one product’s figures.',
    tags: ['Progress'],
    request: { query: blockingProductListQuerySchema },
    success: { 200: { description: 'One page of products and the total that match', schema: blockingProductListSchema } },
  });
}
