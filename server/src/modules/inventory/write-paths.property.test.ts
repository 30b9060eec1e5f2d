import fc from 'fast-check';
import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAYERS, LIFECYCLES, STATUSES } from '@tm/shared/schemas/application';
import { todayIso } from '@tm/shared/dates';
import { useTestApp } from '../../../test/harness.ts';
import { bulkEdit, type Change, importFile, patchEach, readForWriting, type WritePath } from '../../../test/write-paths.ts';

const { api, signIn } = useTestApp();
let editor: supertest.Agent;
/** Municipalities not used yet: each run takes three fresh ones as its copies. */
let unused: string[];
beforeAll(async () => {
  unused = (await api().get('/api/v1/municipalities').expect(200)).body.items.map((m: { code: string }) => m.code);
  editor = (await signIn({ role: 'editor', municipalityCodes: unused })).agent;
});

const dateArb = (from: string) =>
  fc.date({ min: new Date(from), max: new Date(todayIso()), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

const applicationArb = fc.record({
  status: fc.constantFrom(...STATUSES),
  lifecycle: fc.constantFrom(...LIFECYCLES),
  layer: fc.constantFrom(...LAYERS, null),
  plannedReplacementYear: fc.constantFrom(2027, 2030, null),
  effectiveDate: dateArb('2017-01-01'),
});

/** What a bulk edit may send: something to set, and a date only with a status or lifecycle. Small domains, so values often repeat. */
const changeArb: fc.Arbitrary<Change> = fc
  .record(
    {
      status: fc.constantFrom(...STATUSES),
      lifecycle: fc.constantFrom(...LIFECYCLES),
      layer: fc.constantFrom(...LAYERS.slice(0, 2), null),
      plannedReplacementYear: fc.constantFrom(2027, 2031, null),
      effectiveDate: dateArb('2015-01-01'),
    },
    { requiredKeys: [] },
  )
  .filter((c) => ['status', 'lifecycle', 'layer', 'plannedReplacementYear'].some((k) => k in c))
  .filter((c) => !('effectiveDate' in c) || 'status' in c || 'lifecycle' in c);

const stepArb = (size: number) => fc.record({ targets: fc.subarray([...Array(size).keys()], { minLength: 1 }), change: changeArb });

const PATHS: [string, WritePath][] = [
  ['PATCH', patchEach],
  ['bulk edit', bulkEdit],
  ['import', importFile],
];

type Application = { id: string; name: string } & Record<string, unknown>;

async function landscape(code: string): Promise<Application[]> {
  const items: Application[] = (await editor.get(`/api/v1/municipalities/${code}/applications?pageSize=100&sort=name`).expect(200)).body.items;
  return items;
}

type FeedEvent = {
  id: string;
  type: string;
  municipalitycode?: string;
  data: { application: { name: string }; change: { action: string; effectiveDate: string; before: unknown; after: unknown } };
};

/** The whole change feed, as an editor of every municipality the runs use reads it. */
async function feed(): Promise<FeedEvent[]> {
  const all: FeedEvent[] = [];
  for (;;) {
    const after = all.at(-1)?.id;
    const page: FeedEvent[] = (await editor.get('/api/v1/events').query({ pageSize: 1000, ...(after ? { after } : {}) }).expect(200)).body.items;
    if (page.length === 0) return all;
    all.push(...page);
  }
}

/**
 * Everything a user can read of a municipality, less what differs between copies by nature: ids, codes, moments.
 * The change feed included: one event per history entry, in commit order.
 */
async function everything(code: string, events: readonly FeedEvent[]) {
  const apps = await landscape(code);
  const histories = await Promise.all(
    apps.map(async (a) =>
      (await editor.get(`/api/v1/applications/${a.id}/history`).expect(200)).body.items.map(
        (h: { action: string; effectiveDate: string; before: unknown; after: unknown }) => [h.action, h.effectiveDate, h.before, h.after],
      ),
    ),
  );
  const figures = await Promise.all(
    (['count', 'cost'] as const).map(async (measure) => {
      const { municipalityCode: _code, ...progress } = (await editor.get(`/api/v1/municipalities/${code}/progress?measure=${measure}`).expect(200)).body;
      return progress;
    }),
  );
  return {
    applications: apps.map(({ id: _id, municipalityCode: _m, createdAt: _c, updatedAt: _u, ...rest }) => rest),
    histories,
    figures,
    events: events
      .filter((e) => e.municipalitycode === code)
      .map(({ type, data: { application, change } }) => [type, application.name, change.action, change.effectiveDate, change.before, change.after]),
  };
}

describe('one write path', () => {
  it('when the same random changes go through PATCH, bulk edit and import into three copies of one municipality, then applications, history, figures and change feed are the same', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(applicationArb, { minLength: 2, maxLength: 4 }).chain((apps) =>
          fc.tuple(fc.constant(apps), fc.array(stepArb(apps.length), { minLength: 1, maxLength: 4 })),
        ),
        async ([initial, steps]) => {
          const copies = unused.splice(0, PATHS.length);
          const ids = await Promise.all(
            copies.map(async (code) => {
              const created: string[] = [];
              for (const [i, app] of initial.entries())
                created.push((await editor.post(`/api/v1/municipalities/${code}/applications`).send({ name: `App ${i}`, ...app }).expect(201)).body.id);
              return created;
            }),
          );
          for (const { targets, change } of steps)
            for (const [c, [path, write]] of PATHS.entries()) {
              const seen = await readForWriting(editor, targets.map((t) => ids[c]![t]!));
              const res = await write(editor, copies[c]!, seen, change);
              expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(200);
            }
          const events = await feed();
          const [first, ...others] = await Promise.all(copies.map((code) => everything(code, events)));
          expect(first!.events).toHaveLength(first!.histories.flat().length);
          for (const other of others) expect(other).toEqual(first);
        },
      ),
      { numRuns: 6 },
    );
  }, 600_000);
});
