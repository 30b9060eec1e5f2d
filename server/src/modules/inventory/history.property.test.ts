import fc from 'fast-check';
import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { LIFECYCLES, STATUSES } from '@tm/shared/schemas/application';
import { todayIso } from '@tm/shared/dates';
import { milestones, stateAt, type TimelineEvent } from '@tm/shared/measure/timeline';
import { useTestApp } from '../../../test/harness.ts';

const { signIn } = useTestApp();

let editor: supertest.Agent;
beforeAll(async () => {
  editor = (await signIn({ role: 'editor', municipalityCodes: ['GM0599'] })).agent;
});

const dateArb = fc
  .date({ min: new Date('2019-01-01'), max: new Date(todayIso()), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const changeArb = fc
  .record({
    effectiveDate: dateArb,
    status: fc.option(fc.constantFrom(...STATUSES), { nil: undefined }),
    lifecycle: fc.option(fc.constantFrom(...LIFECYCLES), { nil: undefined }),
  })
  .filter((c) => c.status !== undefined || c.lifecycle !== undefined);

describe('the history of an application, for any sequence of back-dated changes', () => {
  it('when changes arrive in any order of effective dates, then the application shows the state its timeline gives for today', async () => {
    await fc.assert(
      fc.asyncProperty(dateArb, fc.array(changeArb, { minLength: 1, maxLength: 6 }), async (since, changes) => {
        const created = await editor.post('/api/v1/municipalities/GM0599/applications').send({ name: 'Eigenschap', inUseSince: since });
        expect(created.status).toBe(201);
        const timeline: TimelineEvent[] = [{ effectiveDate: since, seq: 0, status: 'legacy', lifecycle: 'in_production' }];
        let etag = created.headers.etag ?? '';
        for (const [i, change] of changes.entries()) {
          const res = await editor.patch(`/api/v1/applications/${created.body.id}`).set('If-Match', etag).send(change);
          expect(res.status).toBe(200);
          etag = res.headers.etag ?? '';
          // A value is a change when it differs from the one in force on its date (PRODUCT §3.2); only changes are kept.
          const inForce = stateAt(timeline, change.effectiveDate);
          const status = change.status !== undefined && change.status !== inForce.status ? change.status : null;
          const lifecycle = change.lifecycle !== undefined && change.lifecycle !== inForce.lifecycle ? change.lifecycle : null;
          if (status || lifecycle) timeline.push({ effectiveDate: change.effectiveDate, seq: i + 1, status, lifecycle });
          expect({ status: res.body.status, lifecycle: res.body.lifecycle }).toEqual(stateAt(timeline, todayIso()));
        }
        const final = await editor.get(`/api/v1/applications/${created.body.id}`).expect(200);
        expect({ inUseSince: final.body.inUseSince, retiredAt: final.body.retiredAt }).toEqual(milestones(timeline, todayIso()));
        const history = await editor.get(`/api/v1/applications/${created.body.id}/history`).expect(200);
        expect(history.body.total).toBe(timeline.length);
      }),
      { numRuns: 12 },
    );
  });
});
