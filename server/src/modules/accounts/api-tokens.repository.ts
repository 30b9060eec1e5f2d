import type { Knex } from 'knex';
import type { ApiToken } from '@tm/shared/schemas/account';

type TokenRow = {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
};

function toToken(r: TokenRow): ApiToken {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at?.toISOString() ?? null,
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
  };
}

export async function insert(db: Knex, t: { userId: string; name: string; tokenHash: string; prefix: string; expiresAt: string | null }): Promise<ApiToken> {
  const [row] = await db('api_tokens')
    .insert({ user_id: t.userId, name: t.name, token_hash: t.tokenHash, prefix: t.prefix, expires_at: t.expiresAt })
    .returning('*');
  return toToken(row as TokenRow);
}

export async function listOf(db: Knex, userId: string): Promise<ApiToken[]> {
  const rows = (await db('api_tokens').where({ user_id: userId }).whereNull('revoked_at').orderBy('created_at', 'desc')) as TokenRow[];
  return rows.map(toToken);
}

/** How current "last used" is kept: writing it on every request would make each one a commit on the same row. */
const MARK_USED_AFTER_SECONDS = 60;

/** The owner of a live token, marking it used (at most once a minute). */
export async function use(db: Knex, tokenHash: string): Promise<string | undefined> {
  const row = (await db('api_tokens')
    .where({ token_hash: tokenHash })
    .whereNull('revoked_at')
    .where((w) => w.whereNull('expires_at').orWhere('expires_at', '>', db.fn.now()))
    .first('id', 'user_id', db.raw(`coalesce(last_used_at < now() - make_interval(secs => ?), true) as stale`, [MARK_USED_AFTER_SECONDS]))) as
    | { id: string; user_id: string; stale: boolean }
    | undefined;
  if (row?.stale) await db('api_tokens').where({ id: row.id }).update({ last_used_at: db.fn.now() });
  return row?.user_id;
}

export async function revoke(db: Knex, userId: string, id: string): Promise<ApiToken | undefined> {
  const rows = (await db('api_tokens')
    .where({ id, user_id: userId })
    .whereNull('revoked_at')
    .update({ revoked_at: db.fn.now() })
    .returning('*')) as TokenRow[];
  return rows[0] ? toToken(rows[0]) : undefined;
}
