import type { Knex } from 'knex';
import type { ApiToken, ApiTokenScope, OwnedApiToken, Role } from '@tm/shared/schemas/account';
import { selectUsers, type StoredUser, toUser, type UserRow } from './users.repository.ts';

type TokenRow = {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  scopes: ApiTokenScope[];
  created_at: Date;
  expires_at: Date;
  last_used_at: Date | null;
};

type OwnedTokenRow = TokenRow & { owner_email: string; owner_name: string; owner_role: Role };

function toToken(r: TokenRow): ApiToken {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scopes: r.scopes,
    createdAt: r.created_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    lastUsedAt: r.last_used_at?.toISOString() ?? null,
  };
}

export type NewToken = { userId: string; name: string; tokenHash: string; prefix: string; scopes: ApiTokenScope[]; expiresAt: string };

export async function insert(db: Knex, t: NewToken): Promise<ApiToken> {
  const [row] = await db('api_tokens')
    .insert({ user_id: t.userId, name: t.name, token_hash: t.tokenHash, prefix: t.prefix, scopes: t.scopes, expires_at: t.expiresAt })
    .returning('*');
  return toToken(row as TokenRow);
}

/** Tokens that still work: not revoked, not expired. */
function live(db: Knex, q: Knex.QueryBuilder): Knex.QueryBuilder {
  return q.whereNull('t.revoked_at').where('t.expires_at', '>', db.fn.now());
}

export async function listOf(db: Knex, userId: string): Promise<ApiToken[]> {
  const rows = (await live(db, db('api_tokens as t')).where('t.user_id', userId).orderBy('t.created_at', 'desc').select('t.*')) as TokenRow[];
  return rows.map(toToken);
}

/** Every account's live tokens, newest first, with their owners: what an admin reviews. */
export async function listAll(db: Knex, filter: { userId?: string | undefined; page: number; pageSize: number }): Promise<{ items: OwnedApiToken[]; total: number }> {
  const base = () => {
    const q = live(db, db('api_tokens as t').join('users as u', 'u.id', 't.user_id'));
    if (filter.userId) q.where('t.user_id', filter.userId);
    return q;
  };
  const [rows, [count]] = await Promise.all([
    base()
      .select('t.*', 'u.email as owner_email', 'u.name as owner_name', 'u.role as owner_role')
      .orderBy([{ column: 't.created_at', order: 'desc' }, { column: 't.id' }])
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize) as Promise<OwnedTokenRow[]>,
    base().count({ n: '*' }) as Promise<{ n: number }[]>,
  ]);
  return {
    items: rows.map((r) => ({ ...toToken(r), owner: { id: r.user_id, email: r.owner_email, name: r.owner_name, role: r.owner_role } })),
    total: Number(count?.n ?? 0),
  };
}

/** How current "last used" is kept: writing it on every request would make each one a commit on the same row. */
const MARK_USED_AFTER_SECONDS = 60;

export type LiveToken = { id: string; scopes: ApiTokenScope[] };

/** A live token by its hash with its account, in one statement, marking it used (at most once a minute). */
export async function use(db: Knex, tokenHash: string): Promise<{ token: LiveToken; owner: StoredUser } | undefined> {
  const row = (await live(db, selectUsers(db).join('api_tokens as t', 't.user_id', 'u.id'))
    .where('t.token_hash', tokenHash)
    .first('t.id as token_id', 't.scopes as token_scopes', db.raw(`coalesce(t.last_used_at < now() - make_interval(secs => ?), true) as token_stale`, [MARK_USED_AFTER_SECONDS]))) as
    | (UserRow & { token_id: string; token_scopes: ApiTokenScope[]; token_stale: boolean })
    | undefined;
  if (!row) return undefined;
  if (row.token_stale) await db('api_tokens').where({ id: row.token_id }).update({ last_used_at: db.fn.now() });
  return { token: { id: row.token_id, scopes: row.token_scopes }, owner: toUser(row) };
}

/** Revokes one live token; with `userId`, only if it is that account's. */
export async function revoke(db: Knex, id: string, userId?: string): Promise<(ApiToken & { userId: string }) | undefined> {
  const q = db('api_tokens').where({ id }).whereNull('revoked_at');
  if (userId) q.where({ user_id: userId });
  const rows = (await q.update({ revoked_at: db.fn.now() }).returning('*')) as TokenRow[];
  return rows[0] ? { ...toToken(rows[0]), userId: rows[0].user_id } : undefined;
}

/** Revokes every token of an account that has not been revoked yet; answers how many. */
export async function revokeAllOf(db: Knex, userId: string): Promise<number> {
  return ((await db('api_tokens').where({ user_id: userId }).whereNull('revoked_at').update({ revoked_at: db.fn.now() }).returning('id')) as unknown[]).length;
}
