import type { Knex } from 'knex';

export type StoredSession = {
  idHash: string;
  userId: string;
  csrfToken: string;
  method: 'password' | 'oidc';
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
};

type SessionRow = { id_hash: string; user_id: string; csrf_token: string; method: 'password' | 'oidc'; created_at: Date; last_seen_at: Date; expires_at: Date };

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

/** The session if it has not passed its absolute end nor been idle longer than allowed; using it keeps it alive. */
export async function findLive(db: Knex, idHash: string, idleSeconds: number): Promise<StoredSession | undefined> {
  const row = (await db('sessions')
    .where({ id_hash: idHash })
    .where('expires_at', '>', db.fn.now())
    .whereRaw(`last_seen_at > now() - make_interval(secs => ?)`, [idleSeconds])
    .first('*', db.raw(`last_seen_at < now() - make_interval(secs => ?) as stale`, [TOUCH_AFTER_SECONDS]))) as
    | (SessionRow & { stale: boolean })
    | undefined;
  if (!row) return undefined;
  if (row.stale) await db('sessions').where({ id_hash: idHash }).update({ last_seen_at: db.fn.now() });
  return { idHash: row.id_hash, userId: row.user_id, csrfToken: row.csrf_token, method: row.method, createdAt: row.created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at };
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
