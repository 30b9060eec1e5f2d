import type { Knex } from 'knex';
import type { ApiToken, CreateApiTokenInput, LoginInput, Session, User } from '@tm/shared/schemas/account';
import type { Actor } from '../../http/actor.ts';
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
const WRONG_CREDENTIALS = () => new AppError(401, 'Not logged in', 'The e-mail address or the password is wrong');

function tooManyAttempts(retryAfterSeconds: number): AppError {
  return new AppError(429, 'Too many requests', 'Too many log-in attempts; wait before trying again', undefined, {
    'Retry-After': String(retryAfterSeconds),
  });
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

/**
 * Checks the password after counting the attempt against both the account and the address, so that parallel
 * guesses are limited as surely as sequential ones.
 */
export async function logIn(db: Knex, input: LoginInput, address: string, settings: AuthSettings, actor: Actor): Promise<StartedSession> {
  const accountKey = `account:${input.email}`;
  const addressKey = `address:${address}`;
  const [account, from] = await Promise.all([
    throttles.countAttempt(db, accountKey, settings.loginWindowSeconds),
    throttles.countAttempt(db, addressKey, settings.loginWindowSeconds),
  ]);
  if (account.attempts > settings.loginAttemptsPerAccount || from.attempts > settings.loginAttemptsPerAddress) {
    const waits = [account, from].filter((c, i) => c.attempts > (i === 0 ? settings.loginAttemptsPerAccount : settings.loginAttemptsPerAddress));
    throw tooManyAttempts(Math.max(...waits.map((w) => w.retryAfterSeconds)));
  }
  const found = await users.findByEmail(db, input.email);
  const valid = await verifyPassword(found?.passwordHash ?? null, input.password);
  if (!found || !valid || !found.user.active) throw WRONG_CREDENTIALS();
  await Promise.all([throttles.clear(db, accountKey), throttles.forgiveAttempt(db, addressKey)]);
  return startSession(db, found.user, 'password', settings, actor);
}

export type Authenticated = { user: User; session: StoredSession | null };

export async function resolveSession(db: Knex, cookieValue: string, settings: AuthSettings): Promise<Authenticated | undefined> {
  const session = await sessions.findLive(db, hashSecret(cookieValue), settings.sessionIdleSeconds);
  if (!session) return undefined;
  const found = await users.findById(db, session.userId);
  if (!found?.user.active) return undefined;
  return { user: found.user, session };
}

export async function resolveToken(db: Knex, token: string): Promise<Authenticated | undefined> {
  const userId = await tokens.use(db, hashSecret(token));
  if (!userId) return undefined;
  const found = await users.findById(db, userId);
  if (!found?.user.active) return undefined;
  return { user: found.user, session: null };
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

/** Recognisable in logs and secret scanners, like other vendors' personal tokens. */
const TOKEN_PREFIX = 'tmcg_';

export async function createToken(db: Knex, user: User, input: CreateApiTokenInput, actor: Actor): Promise<ApiToken & { token: string }> {
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  return db.transaction(async (trx) => {
    const created = await tokens.insert(trx, {
      userId: user.id,
      name: input.name,
      tokenHash: hashSecret(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      expiresAt: input.expiresAt ?? null,
    });
    await audit.record(trx, actor, { action: 'api-token.created', entityType: 'api-token', entityId: created.id, after: { ...created } });
    return { ...created, token };
  });
}

export function listTokens(db: Knex, user: User): Promise<ApiToken[]> {
  return tokens.listOf(db, user.id);
}

export async function revokeToken(db: Knex, user: User, id: string, actor: Actor): Promise<void> {
  await db.transaction(async (trx) => {
    const revoked = await tokens.revoke(trx, user.id, id);
    if (!revoked) throw AppError.notFound(`You have no token with id ${id}`);
    await audit.record(trx, actor, { action: 'api-token.revoked', entityType: 'api-token', entityId: id, before: { ...revoked } });
  });
}
