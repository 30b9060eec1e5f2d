/**
 * Malformed requests against every operation of the OpenAPI document: none may crash the server (5xx), and every
 * refusal must be a problem document. New endpoints are covered as soon as they are documented.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../harness.ts';

const { api } = useTestApp();
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 2000);

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
// Node refuses a request line plus headers over 16 KB itself, with a bare 431 before any of our code runs; URLs and
// headers stay under that, bodies go far beyond it.
const oddText = oddTextOf(6_000);
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
});

function fill(path: string, values: string[]): string {
  let i = 0;
  return path.replace(/\{[^}]+\}/g, () => encodeURIComponent(values[i++ % values.length] ?? ''));
}

describe('fuzzing every documented operation', () => {
  it('when thousands of malformed requests arrive, then none gets a 5xx and every 4xx is a problem document', async () => {
    const doc = (await api().get('/api/v1/openapi.json').expect(200)).body as { paths: Record<string, Record<string, OperationDoc>> };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ path, method })));
    expect(operations.length).toBeGreaterThan(5);
    for (const { path, method } of operations) {
      await fc.assert(
        fc.asyncProperty(requestArb, async (r) => {
          let req = api()[method as 'get'](`/api/v1${fill(path, r.pathValues)}`).query(r.query);
          // Characters HTTP cannot carry in a header are the client library's to refuse, not ours.
          if (r.ifMatch !== undefined) req = req.set('If-Match', r.ifMatch.replace(/[^\x20-\x7e]/g, ''));
          if (method !== 'get' && method !== 'delete') {
            req = req.set('Content-Type', r.contentType || 'application/octet-stream');
            req = req.send(typeof r.body === 'string' ? r.body : JSON.stringify(r.body));
          }
          const res = await req;
          const where = `${method.toUpperCase()} ${path} → ${res.status}`;
          expect(res.status, where).toBeLessThan(500);
          if (res.status >= 400) expect(res.headers['content-type'] ?? 'no content type', where).toMatch(/application\/problem\+json/);
        }),
        { numRuns: RUNS_PER_OPERATION },
      );
    }
  });
});
