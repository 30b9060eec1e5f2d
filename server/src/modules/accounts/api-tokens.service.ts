import type { Knex } from 'knex';
import { API_TOKEN_SCOPES, type ApiToken, type ApiTokenListQuery, type CreateApiTokenInput, type OwnedApiToken } from '@tm/shared/schemas/account';
import type { Actor } from '../../http/actor.ts';
import { message, type Message } from '@tm/shared/messages/messages';
import { AppError } from '../../http/app-error.ts';
import * as audit from '../audit/audit.repository.ts';
import type { Authenticated } from './accounts.service.ts';
import * as tokens from './api-tokens.repository.ts';
import { hashSecret, newSecret } from './secrets.ts';

/** Recognisable in logs and secret scanners, like other vendors' personal tokens. */
const TOKEN_PREFIX = 'tmcg_';

/** What the audit trail keeps of a token: never the token or its hash. */
function auditView(token: ApiToken): Record<string, unknown> {
  return { name: token.name, prefix: token.prefix, scopes: token.scopes, expiresAt: token.expiresAt };
}

/**
 * Makes a token for the account of a browser session. Never for a token: a leaked token must not be able to make
 * itself a successor that outlives its revocation. It ends within the maximum lifetime, and may do no more than
 * its scopes say.
 */
export async function createToken(
  db: Knex,
  auth: Authenticated,
  input: CreateApiTokenInput,
  maxLifetimeSeconds: number,
  actor: Actor,
): Promise<ApiToken & { token: string }> {
  if (!auth.session)
    throw AppError.forbidden(message('accounts.tokenNeedsSession'));
  if (input.scopes.includes('admin') && auth.user.role !== 'admin')
    throw AppError.forbidden(message('accounts.adminScopeAdminOnly'));
  const latest = Date.now() + maxLifetimeSeconds * 1000;
  if (input.expiresAt && Date.parse(input.expiresAt) > latest) {
    const days = Math.floor(maxLifetimeSeconds / 86_400);
    throw AppError.badRequest(message('accounts.tokenTooLong'), [{ path: 'expiresAt', message: message('accounts.atMostDays', { days }) }]);
  }
  const token = `${TOKEN_PREFIX}${newSecret()}`;
  return db.transaction(async (trx) => {
    const created = await tokens.insert(trx, {
      userId: auth.user.id,
      name: input.name,
      tokenHash: hashSecret(token),
      prefix: token.slice(0, TOKEN_PREFIX.length + 6),
      scopes: API_TOKEN_SCOPES.filter((s) => input.scopes.includes(s)),
      expiresAt: input.expiresAt ?? new Date(latest).toISOString(),
    });
    await audit.record(trx, actor, { action: 'api-token.created', entityType: 'api-token', entityId: created.id, after: auditView(created) });
    return { ...created, token };
  });
}

export function listOwnTokens(db: Knex, auth: Authenticated): Promise<ApiToken[]> {
  return tokens.listOf(db, auth.user.id);
}

export function listAllTokens(db: Knex, query: ApiTokenListQuery): Promise<{ items: OwnedApiToken[]; total: number }> {
  return tokens.listAll(db, query);
}

async function revoke(db: Knex, id: string, ownerId: string | undefined, actor: Actor, notFound: Message): Promise<void> {
  await db.transaction(async (trx) => {
    const revoked = await tokens.revoke(trx, id, ownerId);
    if (!revoked) throw AppError.notFound(notFound);
    await audit.record(trx, actor, { action: 'api-token.revoked', entityType: 'api-token', entityId: id, before: { ...auditView(revoked), ownerId: revoked.userId } });
  });
}

export function revokeOwnToken(db: Knex, auth: Authenticated, id: string, actor: Actor): Promise<void> {
  return revoke(db, id, auth.user.id, actor, message('accounts.noOwnToken', { id }));
}

/** An admin revokes any account's token: one that leaked, or one of someone who left. */
export function revokeAnyToken(db: Knex, id: string, actor: Actor): Promise<void> {
  return revoke(db, id, undefined, actor, message('accounts.noLiveToken', { id }));
}
