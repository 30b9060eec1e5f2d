import type { Knex } from 'knex';
import type {
  CreateProductDistinctionInput,
  Product,
  ProductDistinction,
  ProductDuplicateListQuery,
  ProductDuplicate,
  ProductList,
  ProductListQuery,
  ProductVersionDetail,
  ProductVersionListItem,
  ProductVersionListQuery,
  ProductVersionSummary,
} from '@tm/shared/schemas/product';
import { message } from '@tm/shared/messages/messages';
import type { Actor } from '../../http/actor.ts';
import { AppError } from '../../http/app-error.ts';
import * as audit from '../audit/audit.repository.ts';
import * as aliases from './aliases.repository.ts';
import * as assessments from './assessments.repository.ts';
import * as merges from './merges.repository.ts';
import * as products from './products.repository.ts';

/** Who is asking: the names of people and municipalities are for callers who are logged in (PRODUCT §6, §9). */
export type Audience = { signedIn: boolean };

async function summariesOf(db: Knex, productIds: readonly string[], audience: Audience): Promise<Map<string, ProductVersionSummary[]>> {
  const versions = await products.versionsOf(db, productIds);
  const current = await assessments.currentOf(db, versions.map((v) => v.id));
  const byProduct = new Map<string, ProductVersionSummary[]>(productIds.map((id) => [id, []]));
  for (const v of versions) {
    const assessment = current.get(v.id);
    byProduct.get(v.product_id)!.push({
      id: v.id,
      version: v.version,
      applicationCount: v.application_count,
      municipalityCount: v.municipality_count,
      assessment: assessment ? assessments.toAssessment(assessment, audience.signedIn) : null,
    });
  }
  return byProduct;
}

export async function listProducts(db: Knex, query: ProductListQuery, audience: Audience): Promise<ProductList> {
  const { rows, total } = await products.findProducts(db, query);
  const ids = rows.map((r) => r.id);
  const [versions, usage] = await Promise.all([summariesOf(db, ids, audience), products.usageOf(db, ids)]);
  return {
    items: rows.map((r) => ({
      ...products.toProductRef(r),
      applicationCount: usage.get(r.id)?.application_count ?? 0,
      municipalityCount: usage.get(r.id)?.municipality_count ?? 0,
      versions: versions.get(r.id)!,
    })),
    total,
  };
}

export async function getProduct(db: Knex, id: string, audience: Audience): Promise<Product> {
  const row = await products.findProduct(db, id);
  if (!row) throw AppError.notFound(message('catalogue.productNotFound', { id }));
  const [summaries, aliasRows, replacements, merge] = await Promise.all([
    summariesOf(db, [id], audience),
    aliases.listOf(db, id),
    products.replacementsOf(db, id),
    row.merged_into ? merges.findFrom(db, id) : undefined,
  ]);
  const versions = summaries.get(id)!;
  const versionIds = versions.map((v) => v.id);
  const [history, byStatus, running] = await Promise.all([
    assessments.historyOf(db, versionIds),
    products.usageByStatus(db, versionIds),
    audience.signedIn ? products.runningMunicipalities(db, versionIds) : undefined,
  ]);
  const detail = (v: ProductVersionSummary): ProductVersionDetail => ({
    ...v,
    assessments: history.filter((a) => a.product_version_id === v.id).map((a) => assessments.toAssessment(a, audience.signedIn)),
    byStatus: byStatus
      .filter((s) => s.product_version_id === v.id)
      .map((s) => ({ status: s.status, applicationCount: s.application_count, municipalityCount: s.municipality_count })),
    municipalities: running
      ? running.filter((m) => m.product_version_id === v.id).map((m) => ({ code: m.code, name: m.name, applicationCount: m.application_count, statuses: m.statuses }))
      : null,
  });
  return {
    ...products.toProductRef(row),
    createdAt: row.created_at.toISOString(),
    mergedInto: merge ? { product: merge.into, mergeId: merge.id, mergedAt: merge.recordedAt } : null,
    aliases: aliasRows.map((a) => aliases.toAlias(a, audience.signedIn)),
    versions: versions.map(detail),
    replacedBy: replacements.map((r) => ({ ...products.toProductRef(r), applicationCount: r.application_count, municipalityCount: r.municipality_count })),
  };
}

export async function listVersions(db: Knex, query: ProductVersionListQuery, audience: Audience): Promise<{ items: ProductVersionListItem[]; total: number }> {
  const { rows, total } = await products.listVersions(db, query);
  const current = await assessments.currentOf(db, rows.map((r) => r.id));
  return {
    items: rows.map((r) => {
      const assessment = current.get(r.id);
      return {
        id: r.id,
        version: r.version,
        applicationCount: r.application_count,
        municipalityCount: r.municipality_count,
        assessment: assessment ? assessments.toAssessment(assessment, audience.signedIn) : null,
        product: { id: r.product_id, vendor: r.vendor, name: r.name },
      };
    }),
    total,
  };
}

export async function possibleDuplicates(db: Knex, query: ProductDuplicateListQuery): Promise<{ items: ProductDuplicate[]; total: number }> {
  const { rows, total } = await products.possibleDuplicates(db, query);
  return {
    items: rows.map((r) => ({
      similarity: Math.round(r.similarity * 1000) / 1000,
      products: [
        { id: r.a_id, vendor: r.a_vendor, name: r.a_name, applicationCount: r.a_applications, municipalityCount: r.a_municipalities },
        { id: r.b_id, vendor: r.b_vendor, name: r.b_name, applicationCount: r.b_applications, municipalityCount: r.b_municipalities },
      ],
    })),
    total,
  };
}

/** A steward's "these two are different products": they are no longer offered as possible duplicates. */
export async function distinguish(db: Knex, input: CreateProductDistinctionInput, actor: Actor): Promise<{ distinction: ProductDistinction; created: boolean }> {
  return db.transaction(async (trx) => {
    const found = await trx('products').whereIn('id', input.productIds).pluck('id');
    const errors = input.productIds.flatMap((id, i) => (found.includes(id) ? [] : [{ path: `productIds.${i}`, message: message('catalogue.productNotFound', { id }) }]));
    if (errors.length > 0) throw AppError.badRequest(message('catalogue.someProductsMissing'), errors);
    const productIds = [...input.productIds].sort() as [string, string];
    const { recorded_at, inserted } = await products.insertDistinction(trx, productIds, actor);
    const distinction: ProductDistinction = {
      productIds,
      actor: { id: actor.id, name: actor.name },
      recordedAt: recorded_at.toISOString(),
    };
    if (inserted)
      await audit.record(trx, actor, { action: 'product-distinction.created', entityType: 'product', entityId: productIds[0], after: distinction });
    return { distinction, created: inserted };
  });
}
