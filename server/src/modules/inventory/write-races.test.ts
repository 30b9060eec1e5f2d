import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { bulkEdit, deleteEach, importFile, patchEach, readForWriting, type Change, type WritePath } from '../../../test/write-paths.ts';

const { signIn } = useTestApp();
const CODE = 'GM0518';
let editor: supertest.Agent;
// The second writer is a colleague: one account imports one file at a time (429), so two people race here.
let colleague: supertest.Agent;
beforeAll(async () => {
  editor = (await signIn({ role: 'editor', municipalityCodes: [CODE] })).agent;
  colleague = (await signIn({ role: 'editor', municipalityCodes: [CODE] })).agent;
});

const WRITERS: Record<string, WritePath> = { PATCH: patchEach, DELETE: deleteEach, 'bulk edit': bulkEdit, import: importFile };
const names = Object.keys(WRITERS);
const pairs = names.flatMap((a, i) => names.slice(i).map((b) => [a, b] as const));

/** Two different changes, so the one that was written can be told from the one that was not. */
const CHANGES: [Change, Change] = [
  { status: 'compliant', effectiveDate: '2024-02-01' },
  { layer: 'data', plannedReplacementYear: 2031 },
];

describe('two writers racing for one application', () => {
  it.each(pairs)('when %s and %s send changes based on the same read, then one succeeds and the other gets 412 or 409, and nothing is lost', async (a, b) => {
    const created = await editor.post(`/api/v1/municipalities/${CODE}/applications`).send({ name: `Race ${a} ${b}`, inUseSince: '2019-01-01' }).expect(201);
    const seen = await readForWriting(editor, [created.body.id]);

    const results = await Promise.all([WRITERS[a]!(editor, CODE, seen, CHANGES[0]), WRITERS[b]!(colleague, CODE, seen, CHANGES[1])]);

    const won = results.map((r) => r.status === 200 || r.status === 204);
    expect(won.filter(Boolean), JSON.stringify(results.map((r) => [r.status, r.body]))).toHaveLength(1);
    const loser = results[won.indexOf(false)]!;
    expect([409, 412]).toContain(loser.status);
    expect(loser.headers['content-type']).toMatch(/application\/problem\+json/);

    const winner = won.indexOf(true);
    const history = (await editor.get(`/api/v1/applications/${created.body.id}/history`).expect(200)).body.items;
    expect(history).toHaveLength(2);
    const now = await editor.get(`/api/v1/applications/${created.body.id}`);
    if ([a, b][winner] === 'DELETE') {
      expect(now.status).toBe(404);
      expect(history[0].action).toBe('deleted');
    } else {
      const { effectiveDate: _date, ...written } = CHANGES[winner]!;
      const { effectiveDate: _other, ...lost } = CHANGES[1 - winner]!;
      expect(now.body).toMatchObject(written);
      expect(now.body).not.toMatchObject(lost);
      expect(history[0].after).toEqual(written);
    }
  });
});
