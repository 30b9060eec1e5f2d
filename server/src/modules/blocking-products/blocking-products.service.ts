import type { Knex } from 'knex';
import type { BlockingProductList, BlockingProductListQuery } from '@tm/shared/schemas/blocking-product';
import type { FiguresQuestion } from '../progress/progress-answers.ts';
import * as repository from './blocking-products.repository.ts';

/** PRODUCT §10: which legacy products most municipalities of a group still run, and when their users plan to replace them. */
export async function listBlockingProducts(db: Knex, query: BlockingProductListQuery): Promise<BlockingProductList> {
  const scope = { province: query.province, sizeClass: query.sizeClass };
  const [{ rows, total }, municipalityCount] = await Promise.all([
    repository.blockingProducts(db, { ...scope, productId: query.productId, page: query.page, pageSize: query.pageSize }),
    repository.municipalityCount(db, scope),
  ]);
  const years = await repository.plannedYears(db, scope, rows.map((r) => r.product_id));
  return {
    items: rows.map((r) => ({
      productId: r.product_id,
      vendor: r.vendor,
      name: r.name,
      municipalityCount: r.municipality_count,
      municipalityShare: municipalityCount > 0 ? Math.min(1, r.municipality_count / municipalityCount) : 0,
      applicationCount: r.application_count,
      annualCost: Number(r.annual_cost),
      plannedReplacementYears: years
        .filter((y) => y.product_id === r.product_id)
        .map((y) => ({ year: y.year, municipalityCount: y.municipality_count })),
    })),
    total,
    municipalityCount,
  };
}

/**
 * The blockers as a kept dashboard answer, asked the same way by the endpoint and the board's report, so that the
 * report of today reuses the national page's answer instead of computing it again.
 */
export const blockingProductsAnswer = (query: BlockingProductListQuery): FiguresQuestion<BlockingProductList> => ({
  question: ['blocking-products', query],
  compute: (db) => listBlockingProducts(db, query),
  options: { fromHistory: false },
});
