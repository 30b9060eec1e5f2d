import type { Knex } from 'knex';
import type { CreateProductMergeInput, ProductMerge, ProductMergeListQuery } from '@tm/shared/schemas/product';
import { message } from '@tm/shared/messages/messages';
import type { Actor } from '../../http/actor.ts';
import { AppError } from '../../http/app-error.ts';
import * as audit from '../audit/audit.repository.ts';
import * as coalitions from '../coalitions/coalitions.repository.ts';
import { verdictsChanged } from '../progress/figures-changed.ts';
import * as aliases from './aliases.repository.ts';
import * as merges from './merges.repository.ts';

/**
 * PRODUCT §9: a steward merges a duplicate product into the one that stays. Every version goes along: one the
 * surviving product has already is combined with it (applications and judgements move there), any other becomes
 * the surviving product's, and so do the coalitions replacing it. The merged product keeps its row, marked, and its
 * spelling becomes an alias, so the next import written that way lands on the right product. One transaction;
 * audited; readable back as a merge.
 */
export async function merge(db: Knex, input: CreateProductMergeInput, actor: Actor): Promise<ProductMerge> {
  if (input.from === input.into) throw AppError.conflict(message('catalogue.mergeIntoItself'), [{ path: 'into', message: message('catalogue.sameAsFrom') }]);
  const mergeId = await db.transaction(async (trx) => {
    const locked = await merges.lockProducts(trx, [input.from, input.into]);
    const from = locked.find((p) => p.id === input.from);
    const into = locked.find((p) => p.id === input.into);
    const missing = [...(from ? [] : [{ path: 'from', message: message('catalogue.productNotFound', { id: input.from }) }]), ...(into ? [] : [{ path: 'into', message: message('catalogue.productNotFound', { id: input.into }) }])];
    if (missing.length > 0) throw AppError.badRequest(message('catalogue.bothProductsMissing'), missing);
    for (const [side, product] of [['from', from!], ['into', into!]] as const)
      if (product.merged_into)
        throw AppError.conflict(message('catalogue.mergedAlready', { id: product.id, into: product.merged_into }), [{ path: side, message: message('catalogue.mergedAway') }]);

    const fromVersions = await merges.lockVersions(trx, from!.id);
    const intoVersions = new Map((await merges.lockVersions(trx, into!.id)).map((v) => [v.version_key, v.id]));
    const counts = await merges.countApplications(trx, fromVersions.map((v) => v.id));
    const versions: ProductMerge['versions'] = [];
    for (const v of fromVersions) {
      const same = intoVersions.get(v.version_key);
      if (same) await merges.combineVersion(trx, v.id, same);
      else await merges.moveVersion(trx, v.id, into!.id);
      versions.push({ fromVersionId: v.id, intoVersionId: same ?? v.id, version: v.version, outcome: same ? 'combined' : 'moved', applicationCount: counts.get(v.id) ?? 0 });
    }
    await aliases.moveAll(trx, from!.id, into!.id);
    // A coalition replacing the merged product replaces the one that stays: its members' applications are there now.
    await coalitions.moveToProduct(trx, from!.id, into!.id);
    await aliases.insert(trx, { productId: into!.id, vendor: from!.vendor, name: from!.name, vendorKey: from!.vendor_key, nameKey: from!.name_key, origin: 'merge' }, actor);
    await merges.markMerged(trx, from!.id, into!.id);
    const applicationCount = versions.reduce((sum, v) => sum + v.applicationCount, 0);
    const id = await merges.insert(trx, { fromProductId: from!.id, intoProductId: into!.id, versions, applicationCount }, actor);
    // Combined versions carry both histories of judgements now: their applications' verified figures follow.
    await verdictsChanged(trx, versions.map((v) => v.intoVersionId));
    await audit.record(trx, actor, {
      action: 'product.merged',
      entityType: 'product',
      entityId: from!.id,
      before: { id: from!.id, vendor: from!.vendor, name: from!.name },
      after: { mergeId: id, mergedInto: into!.id, versions, applicationCount },
    });
    return id;
  });
  return (await merges.find(db, mergeId))!;
}

export async function getMerge(db: Knex, id: string): Promise<ProductMerge> {
  const found = await merges.find(db, id);
  if (!found) throw AppError.notFound(message('catalogue.mergeNotFound', { id }));
  return found;
}

export function listMerges(db: Knex, query: ProductMergeListQuery): Promise<{ items: ProductMerge[]; total: number }> {
  return merges.list(db, query);
}
