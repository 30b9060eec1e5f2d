import type { Knex } from 'knex';
import type { CreatePeerGroupInput, PeerGroup, Recommendation } from '@tm/shared/schemas/peers';
import { judgementOf } from '@tm/shared/catalogue/judgement';
import { dutchOrder } from '@tm/shared/dutch-order';
import * as usage from '@tm/db/usage-rollups';
import type { ComponentProductUse } from '@tm/db/usage-rollups';

type GroupRow = { id: string; name: string; owner_id: string | null; created_at: Date; codes: string[] | null };

function toGroup(row: GroupRow): PeerGroup {
  return {
    id: row.id,
    name: row.name,
    ownerId: row.owner_id,
    municipalityCodes: [...(row.codes ?? [])].sort(),
    createdAt: row.created_at.toISOString(),
  };
}

function selectGroups(db: Knex) {
  return db('peer_groups as g').select(
    'g.*',
    db.raw('array(select m.municipality_code from peer_group_members m where m.peer_group_id = g.id) as codes'),
  );
}

export async function insertGroup(db: Knex, input: CreatePeerGroupInput, ownerId: string | null): Promise<PeerGroup> {
  const [row] = await db('peer_groups').insert({ name: input.name, owner_id: ownerId }).returning('id');
  const id = (row as { id: string }).id;
  await db('peer_group_members').insert([...new Set(input.municipalityCodes)].map((code) => ({ peer_group_id: id, municipality_code: code })));
  return (await findGroup(db, id))!;
}

export async function findGroup(db: Knex, id: string): Promise<PeerGroup | undefined> {
  const row = await selectGroups(db).where('g.id', id).first();
  return row ? toGroup(row) : undefined;
}

export async function listGroups(db: Knex): Promise<PeerGroup[]> {
  return (await selectGroups(db).orderBy('g.name').orderBy('g.id')).map(toGroup);
}

export async function deleteGroup(db: Knex, id: string): Promise<boolean> {
  // Counted through returning: the embedded driver answers a delete with a result object, not a row count.
  return (await db('peer_groups').where({ id }).delete().returning('id')).length === 1;
}

/** How many users of a product a recommendation names; the count says how many there are in all. */
export const NAMED_USERS = 10;
/**
 * How many products a recommendation lists, those most peers use first, and besides them every one I run as legacy;
 * the count says how many there are in all, and the catalogue has every one. Listing them all made the answer grow
 * with the catalogue: 3 MB at ten times national scale, sent on every read of the peers page.
 */
export const LISTED_PRODUCTS = 10;

function listed<T extends { legacyHere: readonly unknown[] }>(products: readonly T[]): { products: T[]; productCount: number } {
  return { products: products.filter((p, i) => i < LISTED_PRODUCTS || p.legacyHere.length > 0), productCount: products.length };
}

/**
 * For each reference component that `me` still fills with a legacy application in its landscape: the catalogue
 * products that the other `peers` use as compliant for that same component today, from the usage rollups, the
 * component most peers have moved on first, never a version judged `not_compliant` (PRODUCT §9). Each product names
 * the users nearest to `me` in population first (the ones whose experience is likeliest to carry over), how its
 * versions are judged, and `me`'s own legacy applications of that very product, which its peers count as compliant.
 * The peers' uses are read, or taken from the uses a server `kept` of every municipality; they carry today's
 * populations, so `me`'s is today's too.
 */
export async function recommendations(
  db: Knex,
  me: { code: string; population: number },
  peers: readonly string[],
  kept?: ReadonlyMap<string, readonly ComponentProductUse[]>,
): Promise<Recommendation[]> {
  const { code } = me;
  const others = peers.filter((p) => p !== code);
  const [mine, uses] = await Promise.all([
    usage.legacyComponentsOf(db, code),
    kept ? others.flatMap((p) => kept.get(p) ?? []) : usage.componentProductUses(db, others),
  ]);
  if (mine.length === 0) return [];
  const components = [...new Set(mine.map((m) => m.rc))];
  const used = usage.nearestUsesOf(uses, components, me.population);
  const usedFor = new Map<string, typeof used>();
  for (const u of used) {
    const uses = usedFor.get(u.rc);
    if (uses) uses.push(u);
    else usedFor.set(u.rc, [u]);
  }

  return components
    .map((rc) => {
      const here = usedFor.get(rc) ?? [];
      const myHere = mine.filter((m) => m.rc === rc);
      const products = new Map<string, { uses: typeof here; municipalities: Map<string, string> }>();
      for (const u of here) {
        const entry = products.get(u.productId) ?? { uses: [] as typeof here, municipalities: new Map<string, string>() };
        entry.uses.push(u);
        entry.municipalities.set(u.code, u.municipality);
        products.set(u.productId, entry);
      }
      return {
        referenceComponentId: rc,
        referenceComponentName: myHere[0]!.rc_name,
        myApplications: myHere.map((m) => ({ id: m.id, name: m.name, layer: m.layer })),
        peerCount: new Set(here.map((u) => u.code)).size,
        ...listed([...products.values()]
          .map(({ uses: [first, ...rest], municipalities }) => ({
            productId: first!.productId,
            product: first!.product,
            vendor: first!.vendor,
            assessmentLevel: judgementOf([first!, ...rest].map((u) => u.assessmentLevel)),
            municipalityCount: municipalities.size,
            municipalities: [...municipalities].slice(0, NAMED_USERS).map(([c, name]) => ({ code: c, name })),
            legacyHere: myHere.filter((m) => m.product_id === first!.productId).map((m) => ({ id: m.id, name: m.name })),
          }))
          .sort((a, b) => b.municipalityCount - a.municipalityCount || dutchOrder(a.product, b.product) || dutchOrder(a.vendor ?? '', b.vendor ?? '') || a.productId.localeCompare(b.productId))),
      };
    })
    .sort((a, b) => b.peerCount - a.peerCount || dutchOrder(a.referenceComponentName, b.referenceComponentName));
}
