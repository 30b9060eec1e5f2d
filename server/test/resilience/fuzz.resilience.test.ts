/**
 * Malformed requests against every operation of the OpenAPI document, as an anonymous caller, an editor and an
 * admin: none may crash the server (5xx), and every refusal must be a problem document. New endpoints are covered as
 * soon as they are documented. The server runs in its own process, as in production: making the requests (fast-check
 * generating them) and answering them then use both cores instead of taking turns on one event loop.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ProcessAccount, type ProcessDatabase, processDatabase } from '../process-database.ts';
import { type ServerProcess, startServerProcess } from '../server-process.ts';

const PASSWORD = 'fuzz-wachtwoord-2026';
const ACCOUNTS = {
  editor: { email: 'editor@fuzz.local', name: 'Fuzz editor', role: 'editor', municipalityCodes: ['GM0546'] },
  admin: { email: 'admin@fuzz.local', name: 'Fuzz admin', role: 'admin', municipalityCodes: [] },
} as const satisfies Record<string, ProcessAccount>;
// In CI 500 per operation (43,000 requests over the document's 86 operations, every caller): 2,000 took almost eight
// of CI's minutes, a quarter of the whole run. FUZZ_RUNS=2000 or more for a deeper run by hand.
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 500);
// Operations fuzzed at the same time: the server waits on the database for many of them, so a few in parallel
// keep both cores busy.
const CONCURRENCY = 6;

let base = '';
let database: ProcessDatabase | undefined;
let server: ServerProcess | undefined;
const callers: Record<string, Record<string, string>> = { anonymous: {} };

/** A personal token of `account`, made through the API as its owner would. */
async function tokenOf(account: ProcessAccount): Promise<string> {
  const login = await fetch(`${base}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: account.email, password: PASSWORD }) });
  expect(login.status).toBe(201);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const scopes = account.role === 'admin' ? ['read', 'write', 'admin'] : ['read', 'write'];
  const made = await fetch(`${base}/api/v1/users/current/tokens`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'fuzz', scopes }),
  });
  expect(made.status).toBe(201);
  return ((await made.json()) as { token: string }).token;
}

beforeAll(async () => {
  database = await processDatabase(Object.values(ACCOUNTS), PASSWORD);
  server = await startServerProcess({ ...database.env, DEMO_DATA: 'false' });
  base = server.url;
  // Personal tokens rather than session cookies: a fuzzed DELETE /sessions/current cannot log them out, and writes
  // need no CSRF token, so the requests get past authentication into validation.
  for (const [name, account] of Object.entries(ACCOUNTS)) callers[name] = { authorization: `Bearer ${await tokenOf(account)}` };
});
afterAll(async () => {
  server?.child.kill('SIGTERM');
  await server?.exited;
  await database?.remove();
});

type Parameter = { name: string; in: 'path' | 'query' | 'header' };
type OperationDoc = { parameters?: Parameter[]; requestBody?: unknown };

// Lone surrogates cannot be percent-encoded at all, so no client could send them; everything else goes.
const oddTextOf = (hugeLength: number) => fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.string({ unit: 'grapheme-composite', maxLength: 30 }),
  fc.constantFrom('', ' ', '0', '-1', '1e999', 'NaN', 'null', 'true', '[]', '{}', '%00', '../../etc/passwd', "' or 1=1 --", '\u0000', '\uFEFF', '𝕏'.repeat(5), 'GM0546', 'GM99999', '2025-02-30', '9999-12-31T99:99:99Z'),
  // Built by repetition: generating every character of a huge string would make the fuzzer, not the server, slow.
  fc.tuple(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }), fc.integer({ min: hugeLength / 4, max: hugeLength }))
    .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)),
).map((text) => text.toWellFormed());
// Node refuses a request line plus headers over 16 KB itself, with a 431 before any of our code runs; URL parts and
// headers stay well under that (each may grow ninefold when percent-encoded), so most requests reach our code, and
// bodies go far beyond it.
const oddText = oddTextOf(1_000);
const hugeText = oddTextOf(200_000);

const jsonish = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom('name', 'status', 'lifecycle', 'layer', 'annualCost', 'effectiveDate', 'referenceComponentIds', 'programmeStart', 'annualRate', 'email', 'password', 'municipalityCodes', '__proto__', 'constructor', 'extra'), fc.jsonValue({ maxDepth: 2 })),
);

const requestArb = fc.record({
  pathValues: fc.array(oddText, { minLength: 3, maxLength: 3 }),
  query: fc.dictionary(fc.oneof(fc.constantFrom('page', 'pageSize', 'sort', 'status', 'layer', 'q', 'measure', 'knownAt', 'group', 'format', 'mode', 'province', 'sizeClass'), fc.string({ maxLength: 10 })), oddText, { maxKeys: 4 }),
  body: fc.oneof(jsonish, hugeText),
  contentType: fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-7', ''),
  ifMatch: fc.option(oddText, { nil: undefined }),
  caller: fc.constantFrom('anonymous', 'editor', 'admin'),
});

function fill(path: string, values: string[]): string {
  let i = 0;
  return path.replace(/\{[^}]+\}/g, () => encodeURIComponent(values[i++ % values.length] ?? ''));
}

async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  await Promise.all(Array.from({ length: size }, async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(item);
  }));
}

describe('fuzzing every documented operation', () => {
  it('when thousands of malformed requests arrive from anonymous and signed-in callers, then none gets a 5xx and every 4xx is a problem document', async () => {
    const doc = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, OperationDoc>> };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ path, method })));
    expect(operations.length).toBeGreaterThan(5);
    const statuses = new Map<string, number>();
    await inPool(operations, CONCURRENCY, async ({ path, method }) => {
      await fc.assert(
        fc.asyncProperty(requestArb, async (r) => {
          const query = new URLSearchParams(Object.entries(r.query)).toString();
          const headers: Record<string, string> = { ...callers[r.caller] };
          // Characters HTTP cannot carry in a header are the client library's to refuse, not ours.
          if (r.ifMatch !== undefined) headers['if-match'] = r.ifMatch.replace(/[^\x20-\x7e]/g, '').trim();
          const withBody = method !== 'get' && method !== 'delete';
          if (withBody) headers['content-type'] = r.contentType || 'application/octet-stream';
          const res = await fetch(`${base}/api/v1${fill(path, r.pathValues)}${query ? `?${query}` : ''}`, {
            method: method.toUpperCase(),
            headers,
            ...(withBody ? { body: typeof r.body === 'string' ? r.body : JSON.stringify(r.body) } : {}),
          });
          await res.arrayBuffer();
          const where = `${r.caller}: ${method.toUpperCase()} ${path} → ${res.status}`;
          statuses.set(`${r.caller} ${res.status}`, (statuses.get(`${r.caller} ${res.status}`) ?? 0) + 1);
          expect(res.status, where).toBeLessThan(500);
          if (res.status >= 400) expect(res.headers.get('content-type') ?? 'no content type', where).toMatch(/application\/problem\+json/);
        }),
        { numRuns: RUNS_PER_OPERATION },
      );
    });
    console.info(`fuzzing: ${operations.length} operations × ${RUNS_PER_OPERATION} requests; answers by caller and status: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
  });
});
