import type { Knex } from 'knex';
import type { BlockingProductList, BlockingProductListQuery } from '@tm/shared/schemas/blocking-product';
import type { Municipality } from '@tm/shared/schemas/municipality';
import { currentNation, keptPerServer } from '../progress/kept-municipality-rows.ts';
import { replacedFor } from '../progress/municipality-rows.ts';
import type { FiguresQuestion } from '../progress/progress-answers.ts';
import * as repository from './blocking-products.repository.ts';

/** Every municipality's legacy use of each product today, kept by this server and re-read where a write changed it. */
export const currentLegacyUses = keptPerServer((db) => ({
  all: () => repository.legacyProductUses(db),
  some: async (kept: ReadonlyMap<string, readonly repository.LegacyProductUse[]>, codes) => replacedFor(codes, kept, await repository.legacyProductUses(db, codes)),
}));

/**
 * The codes of the municipalities of today's register that the filter narrows to, from the register this server keeps
 * with the nation. Those with an end date are left out even while it is still to come, though the day's register
 * lists them until then.
 */
function codesIn(register: readonly Municipality[], { province, sizeClass }: BlockingProductListQuery): string[] {
  return register
    .filter((m) => m.validTo === null && (!province || m.province === province) && (!sizeClass || m.sizeClass === sizeClass))
    .map((m) => m.code);
}

type Counted = repository.ProductCounts & { annualCostCents: bigint; municipalitiesByYear: Map<number, number> };

/** The legacy use of each product by the municipalities of `codes`, added up from each municipality's own. */
function countedOver(codes: readonly string[], uses: ReadonlyMap<string, readonly repository.LegacyProductUse[]>, productId: string | undefined): Counted[] {
  const products = new Map<string, Counted>();
  for (const code of codes) {
    for (const use of uses.get(code) ?? []) {
      if (productId !== undefined && use.productId !== productId) continue;
      let product = products.get(use.productId);
      if (!product) {
        product = { productId: use.productId, municipalityCount: 0, applicationCount: 0, annualCostCents: 0n, municipalitiesByYear: new Map() };
        products.set(use.productId, product);
      }
      product.municipalityCount += 1;
      product.applicationCount += use.applicationCount;
      product.annualCostCents += use.annualCostCents;
      for (const year of use.plannedYears) product.municipalitiesByYear.set(year, (product.municipalitiesByYear.get(year) ?? 0) + 1);
    }
  }
  return [...products.values()];
}

/**
 * PRODUCT §10: which legacy products most municipalities of a group still run, and when their users plan to replace
 * them. Counted from every municipality's legacy use that this server keeps (re-read for the municipalities a write
 * changed), so that the list after a write is not a scan of every application in the country.
 */
export async function listBlockingProducts(db: Knex, query: BlockingProductListQuery): Promise<BlockingProductList> {
  const [nation, uses] = await Promise.all([currentNation(db), currentLegacyUses(db)]);
  const codes = codesIn(nation.members, query);
  const counted = countedOver(codes, uses, query.productId);
  const byProduct = new Map(counted.map((c) => [c.productId, c]));
  const page = await repository.pageInOrder(db, counted, query);
  return {
    items: page.map((p) => {
      const c = byProduct.get(p.product_id)!;
      return {
        productId: p.product_id,
        vendor: p.vendor,
        name: p.name,
        municipalityCount: c.municipalityCount,
        municipalityShare: Math.min(1, c.municipalityCount / codes.length),
        applicationCount: c.applicationCount,
        annualCost: Number(c.annualCostCents) / 100,
        plannedReplacementYears: [...c.municipalitiesByYear]
          .sort(([a], [b]) => a - b)
          .map(([year, municipalityCount]) => ({ year, municipalityCount })),
      };
    }),
    total: counted.length,
    municipalityCount: codes.length,
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
