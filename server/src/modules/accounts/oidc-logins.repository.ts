import type { Knex } from 'knex';

export type PendingLogin = { state: string; codeVerifier: string; nonce: string; returnTo: string };

export async function insert(db: Knex, login: PendingLogin, ttlSeconds: number): Promise<void> {
  await db('oidc_logins').where('expires_at', '<=', db.fn.now()).delete();
  await db('oidc_logins').insert({
    state: login.state,
    code_verifier: login.codeVerifier,
    nonce: login.nonce,
    return_to: login.returnTo,
    expires_at: db.raw('now() + make_interval(secs => ?)', [ttlSeconds]),
  });
}

/** Takes the pending log-in out, so that one answer of the provider can be used once only. */
export async function take(db: Knex, state: string): Promise<PendingLogin | undefined> {
  const rows = (await db('oidc_logins')
    .where({ state })
    .delete()
    .returning(['state', 'code_verifier', 'nonce', 'return_to', db.raw('expires_at > now() as live')])) as {
    state: string;
    code_verifier: string;
    nonce: string;
    return_to: string;
    live: boolean;
  }[];
  const row = rows[0];
  return row?.live ? { state: row.state, codeVerifier: row.code_verifier, nonce: row.nonce, returnTo: row.return_to } : undefined;
}
