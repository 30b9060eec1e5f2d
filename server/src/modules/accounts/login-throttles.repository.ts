import type { Knex } from 'knex';

/**
 * Counts one more attempt for `key` in its window (a new window once the old one has passed) in a single atomic
 * statement, and answers the count and the seconds until the window ends.
 */
export async function countAttempt(db: Knex, key: string, windowSeconds: number): Promise<{ attempts: number; retryAfterSeconds: number }> {
  const result = await db.raw(
    `insert into login_throttles as t (key, attempts, window_started_at) values (?, 1, now())
     on conflict (key) do update set
       attempts = case when t.window_started_at <= now() - make_interval(secs => ?) then 1 else t.attempts + 1 end,
       window_started_at = case when t.window_started_at <= now() - make_interval(secs => ?) then now() else t.window_started_at end
     returning attempts,
       ceil(extract(epoch from (window_started_at + make_interval(secs => ?) - now())))::int as retry_after`,
    [key, windowSeconds, windowSeconds, windowSeconds],
  );
  const row = (result.rows as { attempts: number; retry_after: number }[])[0]!;
  return { attempts: row.attempts, retryAfterSeconds: Math.max(1, row.retry_after) };
}

/** A successful log-in takes back its own attempt, so that only failures accumulate. */
export async function forgiveAttempt(db: Knex, key: string): Promise<void> {
  await db('login_throttles').where({ key }).where('attempts', '>', 0).decrement('attempts', 1);
}

export async function clear(db: Knex, key: string): Promise<void> {
  await db('login_throttles').where({ key }).delete();
}
