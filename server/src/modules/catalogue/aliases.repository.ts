import type { Knex } from 'knex';
import type { ProductAlias } from '@tm/shared/schemas/product';
import type { Actor } from '../../http/actor.ts';

type AliasRow = {
  id: string;
  product_id: string;
  vendor: string | null;
  name: string;
  vendor_key: string;
  name_key: string;
  origin: ProductAlias['origin'];
  actor_id: string | null;
  actor_name: string;
  created_at: Date;
};

export function toAlias(row: AliasRow, showActor: boolean): ProductAlias {
  return {
    id: row.id,
    productId: row.product_id,
    vendor: row.vendor,
    name: row.name,
    origin: row.origin,
    createdAt: row.created_at.toISOString(),
    actor: showActor ? { id: row.actor_id, name: row.actor_name } : null,
  };
}

export async function listOf(db: Knex, productId: string): Promise<AliasRow[]> {
  return db<AliasRow>('product_aliases').where({ product_id: productId }).orderBy([{ column: 'created_at' }, { column: 'id' }]);
}

export async function findByKeys(db: Knex, keys: { vendorKey: string; nameKey: string }): Promise<AliasRow | undefined> {
  return db<AliasRow>('product_aliases').where({ vendor_key: keys.vendorKey, name_key: keys.nameKey }).first();
}

export async function find(db: Knex, productId: string, aliasId: string): Promise<AliasRow | undefined> {
  return db<AliasRow>('product_aliases').where({ id: aliasId, product_id: productId }).first();
}

export async function insert(
  db: Knex,
  alias: { productId: string; vendor: string | null; name: string; vendorKey: string; nameKey: string; origin: ProductAlias['origin'] },
  actor: Actor,
): Promise<AliasRow | undefined> {
  const [row] = await db('product_aliases')
    .insert({
      product_id: alias.productId,
      vendor: alias.vendor,
      name: alias.name,
      vendor_key: alias.vendorKey,
      name_key: alias.nameKey,
      origin: alias.origin,
      actor_id: actor.id,
      actor_name: actor.name,
    })
    .onConflict(['vendor_key', 'name_key'])
    .ignore()
    .returning('*');
  return row as AliasRow | undefined;
}

export async function remove(db: Knex, aliasId: string): Promise<void> {
  await db('product_aliases').where({ id: aliasId }).delete();
}

/** A merge hands the merged product's aliases to the product that stays. */
export async function moveAll(db: Knex, fromProductId: string, intoProductId: string): Promise<void> {
  await db('product_aliases').where({ product_id: fromProductId }).update({ product_id: intoProductId });
}
