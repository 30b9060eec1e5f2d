/**
 * PRODUCT §6 as a table, checked against every operation of the OpenAPI document: an endpoint added without a
 * row here fails this test, so none can slip past unreviewed. Callers come with a browser session, or with a
 * personal API token whose scopes cut their rights down; every answer to a known caller must be private.
 */
import { randomUUID } from 'node:crypto';
import supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiTokenScope, Role } from '@tm/shared/schemas/account';
import { linkProductVersions } from '@tm/db/catalogue-links';
import register from '../../db/reference/municipalities.json' with { type: 'json' };
import { useTestApp } from './harness.ts';

const { api, app, db, signIn, createAccount } = useTestApp();

type Caller = { name: string; role: Role | null; municipalityCodes: string[]; token?: ApiTokenScope[] };
const CALLERS: Caller[] = [
  { name: 'anonymous', role: null, municipalityCodes: [] },
  { name: 'viewer', role: 'viewer', municipalityCodes: [] },
  { name: 'editor of GM0546', role: 'editor', municipalityCodes: ['GM0546'] },
  { name: 'editor of GM0363', role: 'editor', municipalityCodes: ['GM0363'] },
  { name: 'shared-service editor of GM0546 and GM0547', role: 'editor', municipalityCodes: ['GM0546', 'GM0547'] },
  { name: 'board', role: 'board', municipalityCodes: [] },
  { name: 'steward', role: 'steward', municipalityCodes: [] },
  { name: 'admin', role: 'admin', municipalityCodes: [] },
  { name: 'editor of GM0546 by token (read, write)', role: 'editor', municipalityCodes: ['GM0546'], token: ['read', 'write'] },
  { name: 'editor of GM0546 by read-only token', role: 'editor', municipalityCodes: ['GM0546'], token: ['read'] },
  { name: 'admin by token (read, write, admin)', role: 'admin', municipalityCodes: [], token: ['read', 'write', 'admin'] },
  { name: 'admin by token without the admin scope', role: 'admin', municipalityCodes: [], token: ['read', 'write'] },
];
/** The caller that owns the resources of 'owner or admin' operations (webhook subscriptions). */
const OWNER = 'editor of GM0546';
/** Each municipality-bound operation is tried on each: bound to one editor, to the shared service only, to neither. */
const TARGETS = ['GM0546', 'GM0547', 'GM0363', 'GM0014'];
/** Municipalities the matrix's mergers may join, two at a time: every one its other operations leave alone. */
const MERGEABLE = register.map((m) => m.code).filter((code) => !TARGETS.includes(code));

type Rule =
  | 'anyone'
  | 'logged in'
  | 'session'
  | 'editor of the municipality'
  | 'board or admin'
  /** The saved groups of the matrix are made by another account, so only an admin is let in. */
  | 'its maker or admin'
  | 'editor or admin'
  | 'editor'
  /** The matrix's coalitions to describe are started by the owner. */
  | 'its coordinator'
  | 'owner or admin'
  | 'editor or steward'
  | 'steward'
  | 'steward or admin'
  | 'admin';

function allowed(rule: Rule, caller: Caller, target: string | undefined, method: string): boolean {
  if (caller.token && (rule === 'session' || !caller.token.includes(method === 'get' ? 'read' : 'write'))) return false;
  const role = caller.token && caller.role === 'admin' && !caller.token.includes('admin') ? 'viewer' : caller.role;
  switch (rule) {
    case 'anyone':
      return true;
    case 'logged in':
    case 'session':
      return role !== null;
    case 'editor of the municipality':
      return role === 'editor' && target !== undefined && caller.municipalityCodes.includes(target);
    case 'board or admin':
      return role === 'board' || role === 'admin';
    case 'editor or admin':
      return role === 'editor' || role === 'admin';
    case 'editor':
      return role === 'editor';
    case 'its coordinator':
      return caller.name === OWNER;
    case 'owner or admin':
      return caller.name === OWNER || role === 'admin';
    case 'editor or steward':
      return role === 'editor' || role === 'steward';
    case 'steward':
      return role === 'steward';
    case 'steward or admin':
      return role === 'steward' || role === 'admin';
    case 'its maker or admin':
    case 'admin':
      return role === 'admin';
  }
}

/** The expected table. Rows for endpoints that other parts of the product add are here already (PRODUCT §5, §6). */
const EXPECTED: Record<string, Rule> = {
  'get /health': 'anyone',
  'get /about': 'anyone',
  'get /municipalities': 'anyone',
  'get /municipalities/{code}': 'anyone',
  'get /reference-components': 'anyone',
  'get /progress/national': 'anyone',
  'get /municipalities/{code}/progress': 'anyone',
  'get /reports/national': 'anyone',
  'get /municipalities/{code}/report': 'anyone',
  'get /settings': 'anyone',
  'put /settings': 'admin',
  'get /municipalities/{code}/peers': 'logged in',
  'get /peer-groups': 'logged in',
  'post /peer-groups': 'board or admin',
  'get /peer-groups/{id}': 'logged in',
  'delete /peer-groups/{id}': 'its maker or admin',
  'post /municipalities/{code}/imports': 'editor of the municipality',
  'post /municipalities/{code}/imports/{id}/undo': 'editor of the municipality',
  'get /import-template': 'anyone',
  'get /municipalities/{code}/applications': 'logged in',
  'post /municipalities/{code}/applications': 'editor of the municipality',
  'post /municipalities/{code}/applications/bulk-updates': 'editor of the municipality',
  'get /applications/{id}': 'logged in',
  'patch /applications/{id}': 'editor of the municipality',
  'delete /applications/{id}': 'editor of the municipality',
  'get /applications/{id}/history': 'logged in',
  'post /sessions': 'anyone',
  'get /sessions/current': 'session',
  'get /sessions/oidc': 'anyone',
  'get /sessions/oidc/callback': 'anyone',
  'delete /sessions/current': 'session',
  'get /users/current/tokens': 'logged in',
  'post /users/current/tokens': 'session',
  'delete /users/current/tokens/{tokenId}': 'logged in',
  'get /api-tokens': 'admin',
  'delete /api-tokens/{tokenId}': 'admin',
  'get /users': 'admin',
  'post /users': 'admin',
  'get /users/{id}': 'admin',
  'patch /users/{id}': 'admin',
  'delete /users/{id}': 'admin',
  'get /municipalities/{code}/audit-events': 'logged in',
  'get /audit-events': 'admin',
  'post /municipalities/{code}/attestations': 'editor of the municipality',
  'get /municipalities/{code}/attestations': 'logged in',
  'get /events': 'editor or admin',
  'get /subscriptions': 'editor or admin',
  'post /subscriptions': 'editor or admin',
  'get /subscriptions/{id}': 'owner or admin',
  'patch /subscriptions/{id}': 'owner or admin',
  'delete /subscriptions/{id}': 'owner or admin',
  'get /subscriptions/{id}/deliveries': 'owner or admin',
  'get /subscription-settings': 'admin',
  'put /subscription-settings': 'admin',
  'post /reminder-runs': 'admin',
  'get /users/current/notification-preferences': 'logged in',
  'put /users/current/notification-preferences': 'logged in',
  'get /products': 'anyone',
  'get /products/{id}': 'anyone',
  'get /product-versions': 'anyone',
  'get /product-versions/{id}/assessments': 'anyone',
  'post /product-versions/{id}/assessments': 'editor or steward',
  'get /products/{id}/aliases': 'anyone',
  'post /products/{id}/aliases': 'steward',
  'delete /products/{id}/aliases/{aliasId}': 'steward',
  'post /product-merges': 'steward',
  'get /product-merges': 'logged in',
  'get /product-merges/{id}': 'logged in',
  'get /product-duplicates': 'steward or admin',
  'post /product-distinctions': 'steward',
  'get /suggestion-declines': 'steward or admin',
  'get /municipalities/{code}/suggestions': 'logged in',
  'post /municipalities/{code}/suggestions/acceptances': 'editor of the municipality',
  'post /municipalities/{code}/suggestions/declines': 'editor of the municipality',
  'get /municipality-mergers': 'logged in',
  'get /municipality-mergers/{id}': 'logged in',
  'post /municipality-mergers': 'admin',
  'delete /municipality-mergers/{id}': 'admin',
  'post /municipality-register-updates': 'admin',
  'get /blocking-products': 'anyone',
  'get /coalitions': 'logged in',
  'post /coalitions': 'editor',
  'get /coalitions/{id}': 'logged in',
  'patch /coalitions/{id}': 'its coordinator',
  'post /coalitions/{id}/members': 'editor of the municipality',
  'delete /coalitions/{id}/members/{code}': 'editor of the municipality',
};

/** Bodies that would succeed for an allowed caller, so that "allowed" is shown by a real write, not by a 400. */
const BODIES: Record<string, object> = {
  'post /municipalities/{code}/applications': { name: 'Matrix' },
  'patch /applications/{id}': { notes: 'Matrix' },
  'post /users/current/tokens': { name: 'Matrix' },
  'patch /users/{id}': { name: 'Matrix' },
  'put /settings': { programmeStart: '2021-01-01', annualRate: 0.1 },
  'post /peer-groups': { name: 'Matrix', municipalityCodes: ['GM0546', 'GM0547'] },
  // A public address that is never contacted: nothing delivers webhooks in this test.
  'post /subscriptions': { url: 'https://145.100.190.243/matrix' },
  'patch /subscriptions/{id}': { enabled: true },
  'put /subscription-settings': { allowedPrivateNetworks: [] },
  'put /users/current/notification-preferences': { reminders: true, language: 'nl' },
  'post /product-versions/{id}/assessments': { verdict: 'compliant', evidence: 'Matrix' },
  'patch /coalitions/{id}': { description: 'Matrix' },
};

const thisYear = new Date().getUTCFullYear();

type OpenApi = { paths: Record<string, Record<string, unknown>> };

describe('who may do what (PRODUCT §6)', () => {
  let fixtures: supertest.Agent;
  let admin: supertest.Agent;
  let steward: supertest.Agent;
  const agents = new Map<string, supertest.Agent>();

  beforeAll(async () => {
    fixtures = (await signIn({ role: 'editor', municipalityCodes: TARGETS })).agent;
    admin = (await signIn({ role: 'admin' })).agent;
    steward = (await signIn({ role: 'steward' })).agent;
    for (const caller of CALLERS) {
      if (!caller.role) {
        agents.set(caller.name, api());
        continue;
      }
      const session = (await signIn({ role: caller.role, municipalityCodes: caller.municipalityCodes })).agent;
      if (!caller.token) {
        agents.set(caller.name, session);
        continue;
      }
      const token = (await session.post('/api/v1/users/current/tokens').send({ name: caller.name, scopes: caller.token }).expect(201)).body.token as string;
      agents.set(caller.name, supertest.agent(app()).set('Authorization', `Bearer ${token}`));
    }
  });

  /** One product for all of them: a thousand products of names this alike would make the steward's duplicates list crawl. */
  async function newApplication(code: string): Promise<{ id: string; etag: string }> {
    const res = await fixtures.post(`/api/v1/municipalities/${code}/applications`).send({ name: `Doelwit ${randomUUID()}`, product: 'Doelwit' }).expect(201);
    return { id: res.body.id, etag: res.headers.etag! };
  }

  /** A product of the catalogue with one version, as an application naming it would make it. */
  async function newProduct(): Promise<{ productId: string; versionId: string }> {
    const [versionId] = await linkProductVersions(db(), [{ vendor: 'Matrix B.V.', name: `Matrix ${randomUUID()}`, version: '1.0' }]);
    const { product_id: productId } = await db()('product_versions').where({ id: versionId }).first('product_id');
    return { productId, versionId: versionId! };
  }

  /** A suggestion for `code` as offered: an application of a version a steward has just verified compliant. */
  async function newSuggestion(code: string): Promise<{ applicationId: string; assessmentId: string; updatedAt: string }> {
    const res = await fixtures.post(`/api/v1/municipalities/${code}/applications`).send({ name: `Voorstel ${randomUUID()}`, product: 'Doelwit', version: randomUUID() }).expect(201);
    const assessment = await steward.post(`/api/v1/product-versions/${res.body.productVersionId}/assessments`).send({ verdict: 'compliant', evidence: 'Matrix' }).expect(201);
    return { applicationId: res.body.id, assessmentId: assessment.body.id, updatedAt: res.body.updatedAt };
  }

  /** Bodies that name fresh rows, so that each allowed call can succeed on its own. */
  async function freshBody(key: string, target: string | undefined): Promise<object | undefined> {
    if (key === 'post /municipalities/{code}/applications/bulk-updates')
      return { applications: [{ id: (await newApplication(target!)).id }], changes: { layer: 'data' } };
    if (key === 'post /municipalities/{code}/suggestions/acceptances') return { suggestions: [await newSuggestion(target!)] };
    if (key === 'post /municipalities/{code}/suggestions/declines') {
      const { applicationId, assessmentId } = await newSuggestion(target!);
      return { applicationId, assessmentId, reason: 'Matrix' };
    }
    if (key === 'post /product-merges') return { from: (await newProduct()).productId, into: (await newProduct()).productId };
    if (key === 'post /product-distinctions') return { productIds: [(await newProduct()).productId, (await newProduct()).productId] };
    if (key === 'post /products/{id}/aliases') return { vendor: 'Matrix', name: `Alias ${randomUUID()}` };
    if (key === 'post /municipality-mergers') return newMerger();
    if (key === 'post /coalitions') return { name: 'Matrix', productId: (await newProduct()).productId, targetYear: thisYear };
    if (key === 'post /coalitions/{id}/members') return { municipalityCode: target };
    if (key === 'post /municipality-register-updates')
      return { date: '2025-01-01', source: 'Matrix', mergers: [newMerger()], renames: [], populations: [], review: [], unresolved: [] };
    return BODIES[key];
  }

  /** A merger of two municipalities no other merger of the matrix touches, into a code of its own. */
  function newMerger() {
    const [a, b] = [MERGEABLE.shift()!, MERGEABLE.shift()!];
    return { date: '2025-01-01', from: [a, b], into: { code: `GM${9300 + MERGEABLE.length}`, name: `Matrix ${a}`, province: 'Limburg' } };
  }

  async function newUser(): Promise<{ id: string; etag: string }> {
    const { userId } = await createAccount({ role: 'viewer' });
    const res = await admin.get(`/api/v1/users/${userId}`).expect(200);
    return { id: userId, etag: res.headers.etag! };
  }

  // Every operation by every caller on every target: a few thousand requests, which a busy machine takes minutes over.
  it('when every operation is called by every kind of caller, then each is let in or kept out exactly as the table says', async () => {
    const doc = (await api().get('/api/v1/openapi.json').expect(200)).body as OpenApi;
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method, path })));
    const unlisted = operations.map((o) => `${o.method} ${o.path}`).filter((key) => !(key in EXPECTED));
    expect(unlisted, 'operations without a row in the expected table').toEqual([]);
    // Logging out ends the caller's session, so it comes last.
    operations.sort((a, b) => Number(a.path === '/sessions/current' && a.method === 'delete') - Number(b.path === '/sessions/current' && b.method === 'delete'));

    const escapes: string[] = [];
    const lockouts: string[] = [];
    const cacheable: string[] = [];
    let cells = 0;
    for (const { method, path } of operations) {
      const key = `${method} ${path}`;
      const rule = EXPECTED[key]!;
      const boundByBody = key === 'post /coalitions/{id}/members';
      const targets = path.includes('{code}') || path.startsWith('/applications/{id}') || boundByBody ? TARGETS : [undefined];
      for (const target of targets)
        for (const caller of CALLERS) {
          let url = path;
          let ifMatch: string | undefined;
          if (path.includes('{code}')) url = url.replace('{code}', target!);
          if (path.startsWith('/applications/{id}')) {
            const app = await newApplication(target!);
            url = url.replace('{id}', app.id);
            ifMatch = app.etag;
          }
          if (path.startsWith('/users/{id}')) {
            const user = await newUser();
            url = url.replace('{id}', user.id);
            ifMatch = user.etag;
          }
          if (path.startsWith('/subscriptions/{id}')) {
            const subscription = await agents.get(OWNER)!.post('/api/v1/subscriptions').send(BODIES['post /subscriptions']).expect(201);
            url = url.replace('{id}', subscription.body.id);
          }
          if (path.startsWith('/products/{id}') || path.startsWith('/product-versions/{id}')) {
            const { productId, versionId } = await newProduct();
            url = url.replace('{id}', path.startsWith('/products/') ? productId : versionId);
            if (path.includes('{aliasId}')) {
              const alias = await steward.post(`/api/v1/products/${productId}/aliases`).send({ name: `Alias ${randomUUID()}` }).expect(201);
              url = url.replace('{aliasId}', alias.body.id);
            }
          }
          if (path.startsWith('/product-merges/{id}')) {
            const merge = await steward.post('/api/v1/product-merges').send(await freshBody('post /product-merges', undefined)).expect(201);
            url = url.replace('{id}', merge.body.id);
          }
          if (path.startsWith('/municipality-mergers/{id}')) {
            // The latest merger, so that an admin may undo it.
            const merger = await admin.post('/api/v1/municipality-mergers').send(newMerger()).expect(201);
            url = url.replace('{id}', merger.body.id);
          }
          if (path.startsWith('/coalitions/{id}')) {
            // Started by the owner, who coordinates it; one to leave has the target as a member already.
            const leaving = key === 'delete /coalitions/{id}/members/{code}';
            const coalition = await (leaving ? fixtures : agents.get(OWNER)!)
              .post('/api/v1/coalitions')
              .send({ ...(await freshBody('post /coalitions', undefined)), ...(leaving ? { municipalityCode: target } : {}) })
              .expect(201);
            url = url.replace('{id}', coalition.body.id);
          }
          if (path.startsWith('/peer-groups/{id}')) {
            const group = await admin.post('/api/v1/peer-groups').send(BODIES['post /peer-groups']).expect(201);
            url = url.replace('{id}', group.body.id);
          }
          // An import no one made: who may undo is decided before whether there is one to undo.
          if (path.includes('/imports/{id}')) url = url.replace('{id}', randomUUID());
          url = url.replace('{tokenId}', randomUUID());
          const body = await freshBody(key, target);

          let req = agents.get(caller.name)![method as 'get'](`/api/v1${url}`);
          if (ifMatch) req = req.set('If-Match', ifMatch);
          if (method !== 'get' && method !== 'delete') req = req.send(body ?? {});
          const res = await req;
          cells += 1;

          const cell = `${caller.name} → ${method.toUpperCase()} ${url}: ${res.status}`;
          expect(res.status, cell).toBeLessThan(500);
          if (caller.role && res.headers['cache-control'] !== 'private, no-store') cacheable.push(`${cell} (Cache-Control: ${res.headers['cache-control']})`);
          if (allowed(rule, caller, target, method)) {
            if (res.status === 401 || res.status === 403) lockouts.push(cell);
          } else if (res.status !== (caller.role ? 403 : 401)) {
            escapes.push(cell);
          }
        }
    }
    console.info(`authorization matrix: ${operations.length} operations, ${cells} cells, ${escapes.length} escapes`);
    expect(escapes, 'callers let in where the table keeps them out').toEqual([]);
    expect(lockouts, 'callers kept out where the table lets them in').toEqual([]);
    expect(cacheable, 'answers to a known caller that a cache may keep').toEqual([]);
  }, 600_000);
});
