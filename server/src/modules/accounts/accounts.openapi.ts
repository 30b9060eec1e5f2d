import { z } from 'zod';
import {
  apiTokenIdParamsSchema,
  apiTokenListQuerySchema,
  apiTokenListSchema,
  createApiTokenSchema,
  createdApiTokenSchema,
  createUserSchema,
  loginSchema,
  oidcStartQuerySchema,
  ownedApiTokenListSchema,
  sessionSchema,
  updateUserSchema,
  userIdParamsSchema,
  userListQuerySchema,
  userListSchema,
  userSchema,
} from '@tm/shared/schemas/account';
import type { ApiDocs } from '../../http/openapi.ts';

const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
const etagHeader = { ETag: { description: 'Send it back in If-Match to change or delete', schema: { type: 'string' as const } } };
const ifMatch = z.object({ 'If-Match': z.string().meta({ description: 'The ETag from the last GET' }) });
const setCookie = {
  'Set-Cookie': { description: 'The session cookie `tm_session` (HttpOnly, SameSite=Lax, Secure over HTTPS)', schema: { type: 'string' as const } },
};

export function registerAccountsDocs(docs: ApiDocs): void {
  docs.add({
    method: 'post',
    path: '/sessions',
    summary: 'Log in with e-mail address and password',
    description:
      'Sets the session cookie and answers the session with its `csrfToken`: send that as `X-CSRF-Token` on every ' +
      'write. An unknown address and a wrong password get the same 401. Too many attempts for one account or from ' +
      'one address get 429 with `Retry-After` (seconds).',
    tags: ['Accounts'],
    request: { body: json(loginSchema) },
    success: { 201: { description: 'Logged in', schema: sessionSchema, headers: setCookie } },
    problems: [401, 415, 429],
  });
  docs.add({
    method: 'get',
    path: '/sessions/current',
    summary: 'Who am I: the current session, with its CSRF token',
    description: 'A client that starts up with a cookie uses this to learn the user and the `csrfToken`.',
    tags: ['Accounts'],
    success: { 200: { description: 'The session', schema: sessionSchema } },
    problems: [401],
  });
  docs.add({
    method: 'delete',
    path: '/sessions/current',
    summary: 'Log out',
    description: 'Ends the session on the server and clears the cookie. Needs `X-CSRF-Token`.',
    tags: ['Accounts'],
    success: { 204: { description: 'Logged out' } },
    problems: [401, 403],
  });
  const location = { Location: { description: 'Where the browser goes next', schema: { type: 'string' as const } } };
  docs.add({
    method: 'get',
    path: '/sessions/oidc',
    summary: 'Log in through single sign-on (OpenID Connect)',
    description:
      'For a browser: redirects to the organisation\'s identity provider (authorization code flow with PKCE). After ' +
      'log-in the provider sends the browser to `/sessions/oidc/callback`, which sets the session cookie and returns ' +
      'to `returnTo`. 404 when single sign-on is not configured.',
    tags: ['Accounts'],
    request: { query: oidcStartQuerySchema },
    success: { 303: { description: 'To the identity provider', headers: location } },
    problems: [404],
  });
  docs.add({
    method: 'get',
    path: '/sessions/oidc/callback',
    summary: 'Where the identity provider returns the browser',
    description:
      'Checks state, PKCE and nonce, then finds or creates the account, taking its role and municipalities from ' +
      'the configured claims. Redirects to `returnTo` with a session cookie, or to the log-in screen ' +
      '(`/inloggen?sso=mislukt`) when the provider\'s answer or the claims do not do.',
    tags: ['Accounts'],
    success: { 303: { description: 'Into the application, or back to the log-in screen', headers: { ...location, ...setCookie } } },
    problems: [404],
  });
  docs.add({
    method: 'get',
    path: '/users/current/tokens',
    summary: 'My personal API tokens',
    description: 'Revoked tokens are left out. The tokens themselves are never shown again, only their first characters.',
    tags: ['Accounts'],
    access: 'any logged-in account, for its own tokens',
    success: { 200: { description: 'The tokens', schema: apiTokenListSchema } },
  });
  docs.add({
    method: 'post',
    path: '/users/current/tokens',
    summary: 'Create a personal API token for scripts',
    description:
      'Only from a browser session: a token cannot make tokens (403), so a leaked one cannot leave a successor behind ' +
      'when it is revoked. The answer holds the token once; it is stored hashed. Use it as `Authorization: Bearer ' +
      '<token>`: it acts with the rights of its owner at the time of use, cut down to its `scopes` (`read`: GET; ' +
      '`write`: every other method; `admin`: an admin\'s rights, only for an admin\'s own tokens; an admin\'s token ' +
      'without it acts as a viewer), and needs no CSRF token. Every token ends: `expiresAt` defaults to, and may be ' +
      'at most, the maximum lifetime (one year unless configured otherwise). Changing the owner\'s password or ' +
      'disabling the account revokes all its tokens.',
    tags: ['Accounts'],
    access: 'any logged-in account, for itself, in a browser session',
    request: { body: json(createApiTokenSchema) },
    success: { 201: { description: 'Created; the token is in this answer only', schema: createdApiTokenSchema } },
    problems: [415],
  });
  docs.add({
    method: 'delete',
    path: '/users/current/tokens/:tokenId',
    summary: 'Revoke one of my API tokens',
    description: 'The token stops working at once.',
    tags: ['Accounts'],
    access: 'any logged-in account, for its own tokens',
    request: { params: apiTokenIdParamsSchema },
    success: { 204: { description: 'Revoked' } },
    problems: [404],
  });
  docs.add({
    method: 'get',
    path: '/api-tokens',
    summary: "Every account's live API tokens",
    description:
      'Tokens that are neither revoked nor expired, newest first, each with its owner; `userId` narrows the list to ' +
      'one account. The tokens themselves are never shown, only their first characters.',
    tags: ['Accounts'],
    access: 'admins',
    request: { query: apiTokenListQuerySchema },
    success: { 200: { description: 'The tokens', schema: ownedApiTokenListSchema } },
  });
  docs.add({
    method: 'delete',
    path: '/api-tokens/:tokenId',
    summary: "Revoke any account's API token",
    description: 'For a token that leaked or belongs to someone who left: it stops working at once. Audited.',
    tags: ['Accounts'],
    access: 'admins',
    request: { params: apiTokenIdParamsSchema },
    success: { 204: { description: 'Revoked' } },
    problems: [404],
  });
  docs.add({
    method: 'get',
    path: '/users',
    summary: 'User accounts',
    description: 'Filter by role, by a municipality an editor is bound to, or search e-mail and name with `q`.',
    tags: ['Accounts'],
    access: 'admins',
    request: { query: userListQuerySchema },
    success: { 200: { description: 'The accounts', schema: userListSchema } },
  });
  docs.add({
    method: 'post',
    path: '/users',
    summary: 'Create a user account',
    description:
      'An editor is bound to one or more municipalities (a shared-service organisation to several). Leave out ' +
      '`password` for an account that signs in only through single sign-on.',
    tags: ['Accounts'],
    access: 'admins',
    request: { body: json(createUserSchema) },
    success: { 201: { description: 'Created', schema: userSchema, headers: etagHeader } },
    problems: [409, 415],
  });
  docs.add({
    method: 'get',
    path: '/users/:id',
    summary: 'One user account, with its ETag',
    description: 'The ETag is needed to change or delete the account.',
    tags: ['Accounts'],
    access: 'admins',
    request: { params: userIdParamsSchema },
    success: { 200: { description: 'The account', schema: userSchema, headers: etagHeader } },
    problems: [404],
  });
  docs.add({
    method: 'patch',
    path: '/users/:id',
    summary: "Change an account's name, role, municipalities, password or whether it is active",
    description:
      'Needs `If-Match`. Disabling an account or setting its password ends its sessions and revokes its API tokens. The last active admin cannot ' +
      'be demoted or disabled (409).',
    tags: ['Accounts'],
    access: 'admins',
    request: { params: userIdParamsSchema, headers: ifMatch, body: json(updateUserSchema) },
    success: { 200: { description: 'Changed', schema: userSchema, headers: etagHeader } },
    problems: [404, 409, 412, 415, 428],
  });
  docs.add({
    method: 'delete',
    path: '/users/:id',
    summary: 'Delete an account',
    description: 'Needs `If-Match`. Its sessions and tokens end; the audit trail keeps its name.',
    tags: ['Accounts'],
    access: 'admins',
    request: { params: userIdParamsSchema, headers: ifMatch },
    success: { 204: { description: 'Deleted' } },
    problems: [404, 409, 412, 428],
  });
}
