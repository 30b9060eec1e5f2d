/**
 * The catalogue products most municipalities use as compliant today: the national top list, a group's, and a
 * moment's (which is of today's landscape too). Ranked by `topCompliantOf` alone, so that every list orders its ties
 * the same way wherever its uses come from.
 */
import type { Knex } from 'knex';
import * as usage from '@tm/db/usage-rollups';
import type { ProductUses } from './kept-municipality-rows.ts';

/**
 * The top list of `codes`' municipalities (all when absent): from the uses this server `kept` when it has them, so that
 * a read after a write scans nothing; else from their uses read for the question.
 */
export async function topCompliantProducts(
  db: Knex,
  limit: number,
  { codes, kept }: { codes?: readonly string[] | undefined; kept?: ProductUses['compliantProducts'] | undefined },
) {
  const uses = kept ? (codes ? codes.flatMap((code) => kept.get(code) ?? []) : [...kept.values()].flat()) : await usage.compliantProductUses(db, codes);
  return usage.topCompliantOf(uses, limit);
}
