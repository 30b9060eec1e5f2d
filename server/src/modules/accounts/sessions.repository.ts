import type { Knex } from 'knex';
import { selectUsers, type StoredUser, toUser, type UserRow } from './users.repository.ts';

export type StoredSession = {
  idHash: string;
  userId: string;
  csrfToken: string;
  method: 'password' | 'oidc';
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
};

type SessionColumns = {
  session_csrf_token: string;
  session_method: 'password' | 'oidc';
  session_created_at: Date;
  session_last_seen_at: Date;
  session_expires_at: Date;
  session_stale: boolean;
};

export async function insert(db: Knex, s: { idHash: string; userId: string; csrfToken: string; method: 'password' | 'oidc'; absoluteSeconds: number }): Promise<Date> {
  const [row] = await db('sessions')
    .insert({
      id_hash: s.idHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      method: s.method,
      expires_at: db.raw(`now() + make_interval(secs => ?)`, [s.absoluteSeconds]),
    })
    .returning('expires_at');
  return (row as { expires_at: Date }).expires_at;
}

/** Reads a session at most this often without writing: every request of a busy user need not be a write. */
const TOUCH_AFTER_SECONDS = 60;

/**
 * The session if it has not passed its absolute end nor been idle longer than allowed, with its account, in one
 * statement: every signed-in request asks it. Using the session keeps it alive.
 */
export async function findLive(db: Knex, idHash: string, idleSeconds: number): Promise<{ session: StoredSession; owner: StoredUser } | undefined> {
  const row = (await selectUsers(db)
    .join('sessions as s', 's.user_id', 'u.id')
    .where('s.id_hash', idHash)
    .where('s.expires_at', '>', db.fn.now())
    .whereRaw(`s.last_seen_at > now() - make_interval(secs => ?)`, [idleSeconds])
    .first(
      's.csrf_token as session_csrf_token',
      's.method as session_method',
      's.created_at as session_created_at',
      's.last_seen_at as session_last_seen_at',
      's.expires_at as session_expires_at',
      db.raw(`s.last_seen_at < now() - make_interval(secs => ?) as session_stale`, [TOUCH_AFTER_SECONDS]),
    )) as (UserRow & SessionColumns) | undefined;
  if (!row) return undefined;
  if (row.session_stale) await db('sessions').where({ id_hash: idHash }).update({ last_seen_at: db.fn.now() });
  const session: StoredSession = {
    idHash,
    userId: row.id,
    csrfToken: row.session_csrf_token,
    method: row.session_method,
    createdAt: row.session_created_at,
    lastSeenAt: row.session_last_seen_at,
    expiresAt: row.session_expires_at,
  };
  return { session, owner: toUser(row) };
}

export async function remove(db: Knex, idHash: string): Promise<void> {
  await db('sessions').where({ id_hash: idHash }).delete();
}

export async function removeAllOf(db: Knex, userId: string): Promise<void> {
  await db('sessions').where({ user_id: userId }).delete();
}

/** Ended sessions are of no use to anyone; cleared at log-in so that the table does not grow without bound. */
export async function removeExpired(db: Knex, idleSeconds: number): Promise<void> {
  await db('sessions')
    .where('expires_at', '<=', db.fn.now())
    .orWhereRaw(`last_seen_at <= now() - make_interval(secs => ?)`, [idleSeconds])
    .delete();
}
