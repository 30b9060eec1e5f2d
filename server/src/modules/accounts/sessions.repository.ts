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

/** The session if it has not passed its absolute end nor been idle longer than allowed; touching it keeps it alive. */
export async function findLive(db: Knex, idHash: string, idleSeconds: number): Promise<StoredSession | undefined> {
  const rows = (await db('sessions')
    .where({ id_hash: idHash })
    .where('expires_at', '>', db.fn.now())
    .whereRaw(`last_seen_at > now() - make_interval(secs => ?)`, [idleSeconds])
    .update({ last_seen_at: db.fn.now() })
    .returning('*')) as SessionRow[];
  const row = rows[0];
  return row
    ? { idHash: row.id_hash, userId: row.user_id, csrfToken: row.csrf_token, method: row.method, createdAt: row.created_at, lastSeenAt: row.last_seen_at, expiresAt: row.expires_at }
    : undefined;
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
