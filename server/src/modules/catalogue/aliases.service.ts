import type { Knex } from 'knex';
import { bumpMeasureRevision } from '@tm/db/measure-revision';
import { productNameKey, vendorKey } from '@tm/shared/catalogue/product-keys';
import type { CreateProductAliasInput, ProductAlias } from '@tm/shared/schemas/product';
import { message } from '@tm/shared/messages/messages';
import type { Actor } from '../../http/actor.ts';
import { AppError } from '../../http/app-error.ts';
import * as audit from '../audit/audit.repository.ts';
import * as aliases from './aliases.repository.ts';
import type { Audience } from './products.service.ts';

/** The product, locked against a merge for the rest of the transaction; it must not have been merged away. */
async function liveProduct(db: Knex, id: string): Promise<{ id: string; vendor_key: string; name_key: string }> {
  const product = await db('products').where({ id }).forShare().first('id', 'vendor_key', 'name_key', 'merged_into');
  if (!product) throw AppError.notFound(message('catalogue.productNotFound', { id }));
  if (product.merged_into) throw AppError.conflict(message('catalogue.productMerged', { into: product.merged_into }));
  return product;
}

export async function listAliases(db: Knex, productId: string, audience: Audience): Promise<{ items: ProductAlias[]; total: number }> {
  if (!(await db('products').where({ id: productId }).first('id'))) throw AppError.notFound(message('catalogue.productNotFound', { id: productId }));
  const items = (await aliases.listOf(db, productId)).map((a) => aliases.toAlias(a, audience.signedIn));
  return { items, total: items.length };
}

/**
 * Another spelling of a product: applications written that way from now on (create, edit, import) link to it. A
 * spelling that is a product of its own is refused: merging that product is what carries its applications along.
 */
export async function addAlias(db: Knex, productId: string, input: CreateProductAliasInput, actor: Actor): Promise<ProductAlias> {
  const keys = { vendorKey: vendorKey(input.vendor), nameKey: productNameKey(input.name) };
  return db.transaction(async (trx) => {
    const product = await liveProduct(trx, productId);
    if (product.vendor_key === keys.vendorKey && product.name_key === keys.nameKey)
      throw AppError.conflict(message('catalogue.ownSpelling'), [{ path: 'name', message: message('catalogue.ownSpellingField') }]);
    const other = await trx('products').where({ vendor_key: keys.vendorKey, name_key: keys.nameKey }).whereNull('merged_into').first('id');
    if (other)
      throw AppError.conflict(message('catalogue.spelledAsOther', { id: other.id }), [
        { path: 'name', message: message('catalogue.spellingOfOther', { id: other.id }) },
      ]);
    const row = await aliases.insert(trx, { productId, vendor: input.vendor?.trim() || null, name: input.name, ...keys, origin: 'steward' }, actor);
    if (!row) {
      const taken = await aliases.findByKeys(trx, keys);
      throw AppError.conflict(message('catalogue.aliasTaken', { id: taken?.product_id ?? '' }), [{ path: 'name', message: message('catalogue.aliasAlready') }]);
    }
    const alias = aliases.toAlias(row, true);
    await bumpMeasureRevision(trx);
    await audit.record(trx, actor, { action: 'product-alias.created', entityType: 'product', entityId: productId, after: alias });
    return alias;
  });
}

/** From now on that spelling is a product of its own again; applications linked already stay where they are. */
export async function removeAlias(db: Knex, productId: string, aliasId: string, actor: Actor): Promise<void> {
  await db.transaction(async (trx) => {
    const row = await aliases.find(trx, productId, aliasId);
    if (!row) throw AppError.notFound(message('catalogue.aliasNotFound', { productId, id: aliasId }));
    await aliases.remove(trx, aliasId);
    await bumpMeasureRevision(trx);
    await audit.record(trx, actor, { action: 'product-alias.deleted', entityType: 'product', entityId: productId, before: aliases.toAlias(row, true) });
  });
}
