import type { Knex } from 'knex';
import type { ApiTokenScope, LoginInput, Session, User } from '@tm/shared/schemas/account';
import type { Actor } from '../../http/actor.ts';
import { message } from '@tm/shared/messages/messages';
import { AppError } from '../../http/app-error.ts';
import * as audit from '../audit/audit.repository.ts';
import * as tokens from './api-tokens.repository.ts';
import type { AuthSettings } from './auth-settings.ts';
import * as throttles from './login-throttles.repository.ts';
import { verifyPassword } from './passwords.ts';
import { hashSecret, newSecret } from './secrets.ts';
import * as sessions from './sessions.repository.ts';
import type { StoredSession } from './sessions.repository.ts';
import * as users from './users.repository.ts';

export type StartedSession = { cookieValue: string; session: Session };

/** The same answer for an unknown address, a wrong password and a disabled account: it tells a guesser nothing. */
const WRONG_CREDENTIALS = () => AppError.unauthorized(message('accounts.wrongCredentials'));

function tooManyAttempts(retryAfterSeconds: number): AppError {
  return AppError.withStatus(429, message('accounts.tooManyAttempts'), { 'Retry-After': String(retryAfterSeconds) });
}

export async function startSession(
  db: Knex,
  user: User,
  method: Session['method'],
  settings: AuthSettings,
  actor: Actor,
): Promise<StartedSession> {
  const cookieValue = newSecret();
  const csrfToken = newSecret();
  return db.transaction(async (trx) => {
    await sessions.removeExpired(trx, settings.sessionIdleSeconds);
    const expiresAt = await sessions.insert(trx, {
      idHash: hashSecret(cookieValue),
      userId: user.id,
      csrfToken,
      method,
      absoluteSeconds: settings.sessionAbsoluteSeconds,
    });
    await users.recordLogin(trx, user.id);
    await audit.record(trx, { ...actor, id: user.id, name: user.email }, {
      action: 'session.created',
      entityType: 'user',
      entityId: user.id,
      after: { method },
    });
    const fresh = await users.findById(trx, user.id);
    return { cookieValue, session: { user: fresh!.user, csrfToken, expiresAt: expiresAt.toISOString(), method } };
  });
}

type Refusal = 'unknown account' | 'wrong password' | 'no password: single sign-on only' | 'account disabled';

/** A refused log-in goes on the record with where it came from and why, though the caller is told neither. */
async function recordRefusal(db: Knex, actor: Actor, action: 'session.refused' | 'session.locked-out', details: { email: string; address: string; reason: string; userId?: string | undefined }) {
  await audit.record(db, actor, {
    action,
    entityType: 'user',
    entityId: details.userId ?? null,
    after: { email: details.email, address: details.address, reason: details.reason },
  });
}

/**
 * Checks the password after counting the attempt against both the account and the address, so that parallel
 * guesses are limited as surely as sequential ones. Every refusal is audited; a lock-out once, when it starts,
 * rather than at every attempt it turns away.
 */
export async function logIn(db: Knex, input: LoginInput, address: string, settings: AuthSettings, actor: Actor): Promise<StartedSession> {
  const accountKey = `account:${input.email}`;
  const addressKey = `address:${address}`;
  const [account, from] = await Promise.all([
    throttles.countAttempt(db, accountKey, settings.loginWindowSeconds),
    throttles.countAttempt(db, addressKey, settings.loginWindowSeconds),
  ]);
  const limits = [
    { count: account, limit: settings.loginAttemptsPerAccount, reason: 'too many failed log-ins for this account' },
    { count: from, limit: settings.loginAttemptsPerAddress, reason: 'too many failed log-ins from this address' },
  ].filter((l) => l.count.attempts > l.limit);
  if (limits.length > 0) {
    const starting = limits.filter((l) => l.count.attempts === l.limit + 1);
    if (starting.length > 0) {
      const userId = (await users.findByEmail(db, input.email))?.user.id;
      await recordRefusal(db, actor, 'session.locked-out', { email: input.email, address, userId, reason: starting.map((l) => l.reason).join('; ') });
    }
    throw tooManyAttempts(Math.max(...limits.map((l) => l.count.retryAfterSeconds)));
  }
  const found = await users.findByEmail(db, input.email);
  const valid = await verifyPassword(found?.passwordHash ?? null, input.password);
  const refusal: Refusal | undefined = !found
    ? 'unknown account'
    : found.passwordHash === null
      ? 'no password: single sign-on only'
      : !valid
        ? 'wrong password'
        : !found.user.active
          ? 'account disabled'
          : undefined;
  if (refusal) {
    await recordRefusal(db, actor, 'session.refused', { email: input.email, address, userId: found?.user.id, reason: refusal });
    throw WRONG_CREDENTIALS();
  }
  await Promise.all([throttles.clear(db, accountKey), throttles.forgiveAttempt(db, addressKey)]);
  return startSession(db, found!.user, 'password', settings, actor);
}

/** Who is calling and through what: a browser session, or a personal API token with its scopes. */
export type Authenticated = { user: User; session: StoredSession | null; token: { id: string; scopes: ApiTokenScope[] } | null };

export async function resolveSession(db: Knex, cookieValue: string, settings: AuthSettings): Promise<Authenticated | undefined> {
  const found = await sessions.findLive(db, hashSecret(cookieValue), settings.sessionIdleSeconds);
  if (!found?.owner.user.active) return undefined;
  return { user: found.owner.user, session: found.session, token: null };
}

export async function resolveToken(db: Knex, token: string): Promise<Authenticated | undefined> {
  const found = await tokens.use(db, hashSecret(token));
  if (!found?.owner.user.active) return undefined;
  return { user: found.owner.user, session: null, token: found.token };
}

export async function logOut(db: Knex, session: StoredSession, actor: Actor): Promise<void> {
  await db.transaction(async (trx) => {
    await sessions.remove(trx, session.idHash);
    await audit.record(trx, actor, { action: 'session.ended', entityType: 'user', entityId: session.userId });
  });
}

export function currentSession(auth: Authenticated & { session: StoredSession }): Session {
  return { user: auth.user, csrfToken: auth.session.csrfToken, expiresAt: auth.session.expiresAt.toISOString(), method: auth.session.method };
}
