import type { Knex } from 'knex';
import * as client from 'openid-client';
import { roleSchema, type Role, type User } from '@tm/shared/schemas/account';
import { municipalityCodeSchema } from '@tm/shared/schemas/common';
import type { Actor } from '../../http/actor.ts';
import { message } from '@tm/shared/messages/messages';
import { AppError } from '../../http/app-error.ts';
import * as audit from '../audit/audit.repository.ts';
import * as pending from './oidc-logins.repository.ts';
import * as users from './users.repository.ts';

/** Single sign-on through an OpenID Connect provider, from the configuration. */
export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: `<public URL>/api/v1/sessions/oidc/callback`. */
  redirectUri: string;
  scope: string;
  /** The claim that holds the role (`viewer`, `editor`, `board`, `steward` or `admin`). */
  roleClaim: string;
  /** The claim that holds an editor's municipality codes, as a list or separated by spaces or commas. */
  municipalitiesClaim: string;
};

const LOGIN_TTL_SECONDS = 10 * 60;

export class SingleSignOnRefused extends Error {}

export function oidcClient(settings: OidcSettings) {
  let configuration: Promise<client.Configuration> | undefined;
  const discover = () => {
    const issuer = new URL(settings.issuer);
    // Plain HTTP only to a provider on this machine, as in development and tests.
    const local = issuer.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
    configuration ??= client
      .discovery(issuer, settings.clientId, undefined, client.ClientSecretBasic(settings.clientSecret), local ? { execute: [client.allowInsecureRequests] } : {})
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };

  return {
    /** The provider's authorization URL for a new log-in, with PKCE, state and nonce kept for the callback. */
    async start(db: Knex, returnTo: string): Promise<{ url: string; state: string }> {
      const config = await discover().catch(() => {
        throw AppError.unavailable(message('accounts.ssoUnreachable'));
      });
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      await pending.insert(db, { state, codeVerifier, nonce, returnTo }, LOGIN_TTL_SECONDS);
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: settings.redirectUri,
        scope: settings.scope,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, state };
    },

    /**
     * Checks the provider's answer (state, PKCE, nonce, ID token), then finds or provisions the account and sets
     * its role and municipalities from the claims: the provider is the authority on them.
     */
    async finish(db: Knex, answer: URLSearchParams, browserState: string | undefined, actor: Actor): Promise<{ user: User; returnTo: string }> {
      // The configured address, not the one this request came in on: behind a proxy they differ, and the provider
      // checks that the code is redeemed for the address it was issued to.
      const callbackUrl = new URL(settings.redirectUri);
      callbackUrl.search = answer.toString();
      const state = callbackUrl.searchParams.get('state');
      if (!state || state !== browserState) throw new SingleSignOnRefused('state does not match this browser');
      const login = await pending.take(db, state);
      if (!login) throw new SingleSignOnRefused('unknown or expired log-in');
      const config = await discover();
      const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims()!;
      const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      const claims: Record<string, unknown> = { ...idClaims, ...info };
      const user = await provision(db, settings, `${idClaims.iss}|${idClaims.sub}`, claims, actor);
      return { user, returnTo: login.returnTo };
    },
  };
}

export type OidcClient = ReturnType<typeof oidcClient>;

function codesFrom(value: unknown): string[] {
  const parts = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return parts.filter((p) => municipalityCodeSchema.safeParse(p).success);
}

async function provision(db: Knex, settings: OidcSettings, subject: string, claims: Record<string, unknown>, actor: Actor): Promise<User> {
  const role = roleSchema.safeParse(claims[settings.roleClaim]);
  if (!role.success) throw new SingleSignOnRefused(`the claim ${settings.roleClaim} names no role of this application`);
  const email = typeof claims.email === 'string' ? claims.email.toLowerCase() : undefined;
  if (!email) throw new SingleSignOnRefused('the provider gave no e-mail address');
  const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email;
  return db.transaction(async (trx) => {
    const claimed = codesFrom(claims[settings.municipalitiesClaim]);
    const unknown = await users.unknownMunicipalityCodes(trx, claimed);
    const codes = role.data === 'editor' ? claimed.filter((c) => !unknown.includes(c)) : [];
    if (role.data === 'editor' && codes.length === 0) throw new SingleSignOnRefused('an editor without municipalities');
    const ssoActor = { ...actor, name: `single sign-on (${actor.name})` };

    const existing = (await users.findByOidcSubject(trx, subject)) ?? (await linkableByEmail(trx, email, claims));
    if (!existing) {
      const id = await users.insert(trx, { email, name, role: role.data, municipalityCodes: codes, passwordHash: null, oidcSubject: subject });
      const created = (await users.findById(trx, id))!;
      await audit.record(trx, ssoActor, { action: 'user.created', entityType: 'user', entityId: id, after: view(created.user) });
      return created.user;
    }
    if (!existing.user.active) throw new SingleSignOnRefused('the account is disabled');
    const same = existing.user.role === role.data && existing.user.name === name && sameCodes(existing.user.municipalityCodes, codes);
    if (!same || (await users.findByOidcSubject(trx, subject)) === undefined) {
      await users.updateIfRevision(trx, existing.user.id, existing.revision, { name, role: role.data as Role, oidcSubject: subject });
      await users.replaceMunicipalities(trx, existing.user.id, codes);
      const updated = (await users.findById(trx, existing.user.id))!;
      await audit.record(trx, ssoActor, { action: 'user.updated', entityType: 'user', entityId: updated.user.id, before: view(existing.user), after: view(updated.user) });
      return updated.user;
    }
    return existing.user;
  });
}

/**
 * An account that exists already (made by an admin, or through another sign-in) is taken over by this provider's
 * subject only when the provider vouches for the e-mail address (`email_verified`) and the account is not bound
 * to another subject: otherwise whoever can claim an address at the provider would get that account.
 */
async function linkableByEmail(db: Knex, email: string, claims: Record<string, unknown>) {
  const byEmail = await users.findByEmail(db, email);
  if (!byEmail) return undefined;
  if (claims.email_verified !== true)
    throw new SingleSignOnRefused('the provider has not verified the e-mail address, so it is not linked to the existing account');
  if (byEmail.oidcSubject !== null)
    throw new SingleSignOnRefused('the account with this e-mail address signs in through another single sign-on identity');
  return byEmail;
}

function sameCodes(a: readonly string[], b: readonly string[]): boolean {
  return JSON.stringify([...a].sort()) === JSON.stringify([...b].sort());
}

function view(user: User): Record<string, unknown> {
  return { email: user.email, name: user.name, role: user.role, municipalityCodes: user.municipalityCodes };
}
