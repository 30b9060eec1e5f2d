import { randomUUID } from 'node:crypto';
import { CloudEvent } from 'cloudevents';
import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '@tm/shared/dates';
import { cloudEventSchema, EVENT_TYPES, type EventType } from '@tm/shared/schemas/events';
import { useTestApp } from '../../../test/harness.ts';

const SOURCE = 'urn:nld:oin:00000001234567890000:systeem:transitiemonitor';
const { api, signIn } = useTestApp({ eventSource: SOURCE });
let admin: supertest.Agent;
let leiden: supertest.Agent;
let delft: supertest.Agent;
let steward: supertest.Agent;
beforeAll(async () => {
  admin = (await signIn({ role: 'admin' })).agent;
  steward = (await signIn({ role: 'steward' })).agent;
  leiden = (await signIn({ role: 'editor', municipalityCodes: ['GM0546'] })).agent;
  delft = (await signIn({ role: 'editor', municipalityCodes: ['GM0503'] })).agent;
});

type Event = { id: string; type: EventType; source: string; subject: string; time: string; sequence: string; municipalitycode?: string; data: Record<string, unknown> };

/** Reads the whole feed as `reader` sees it, a page of `pageSize` at a time. */
async function readAll(reader: supertest.Agent, pageSize = 2): Promise<Event[]> {
  const all: Event[] = [];
  for (;;) {
    const after = all.at(-1)?.id;
    const page = (await reader.get(`/api/v1/events?pageSize=${pageSize}${after ? `&after=${after}` : ''}`).expect(200)).body.items as Event[];
    if (page.length === 0) return all;
    all.push(...page);
  }
}

/** A new application of Leiden's, with the ETag to change it by. */
async function leidenApplication(): Promise<{ id: string; etag: string }> {
  const res = await leiden.post('/api/v1/municipalities/GM0546/applications').send({ name: `Zaaksysteem ${randomUUID()}` }).expect(201);
  return { id: res.body.id, etag: res.headers.etag! };
}

async function patchLeiden(change: Record<string, unknown>) {
  const { id, etag } = await leidenApplication();
  return leiden.patch(`/api/v1/applications/${id}`).set('If-Match', etag).send(change).expect(200);
}

/** A Leiden application whose status departs from the verified assessment of its version: a suggestion for Leiden. */
async function leidenSuggestion(): Promise<{ applicationId: string; assessmentId: string; updatedAt: string }> {
  const app = await leiden.post('/api/v1/municipalities/GM0546/applications').send({ name: `Suggestie ${randomUUID()}`, vendor: 'Feed B.V.', version: '1', inUseSince: '2020-01-01' }).expect(201);
  await steward
    .post(`/api/v1/product-versions/${app.body.productVersionId}/assessments`)
    .send({ verdict: 'compliant', evidence: 'https://example.nl/feed', effectiveDate: '2024-01-01' })
    .expect(201);
  const offered = (await leiden.get('/api/v1/municipalities/GM0546/suggestions?pageSize=500').expect(200)).body.items as { applicationId: string; assessmentId: string; updatedAt: string }[];
  const { applicationId, assessmentId, updatedAt } = offered.find((o) => o.applicationId === app.body.id)!;
  return { applicationId, assessmentId, updatedAt };
}
let coalitionId = '';

/** One change of each kind the feed announces; a new event type without a row here fails the first test. */
const CHANGES: Record<EventType, () => Promise<unknown>> = {
  'nl.transitiemonitor.application.created': leidenApplication,
  'nl.transitiemonitor.application.updated': () => patchLeiden({ status: 'compliant', effectiveDate: '2024-05-01' }),
  'nl.transitiemonitor.application.retired': () => patchLeiden({ lifecycle: 'phased_out' }),
  'nl.transitiemonitor.application.deleted': async () => {
    const { id, etag } = await leidenApplication();
    return leiden.delete(`/api/v1/applications/${id}`).set('If-Match', etag).expect(204);
  },
  'nl.transitiemonitor.attestation.created': () => leiden.post('/api/v1/municipalities/GM0546/attestations').send({}).expect(201),
  'nl.transitiemonitor.settings.updated': () =>
    admin.put('/api/v1/settings').send({ programmeStart: '2021-01-01', annualRate: 0.1, staleAfterMonths: 9 }).expect(200),
  'nl.transitiemonitor.application.moved': async () => {
    const islands = (await signIn({ role: 'editor', municipalityCodes: ['GM0088'] })).agent;
    await islands.post('/api/v1/municipalities/GM0088/applications').send({ name: 'Eilandzaken', status: 'legacy' }).expect(201);
    await admin
      .post('/api/v1/municipality-mergers')
      .send({ date: '2026-01-01', from: ['GM0088', 'GM0093'], into: { code: 'GM9001', name: 'Waddeneilanden', province: 'Fryslân' } })
      .expect(201);
  },
  'nl.transitiemonitor.municipality.merged': () =>
    admin
      .post('/api/v1/municipality-mergers')
      .send({ date: '2026-01-01', from: ['GM0060', 'GM0096'], into: { code: 'GM9002', name: 'Wadden-Oost', province: 'Fryslân' } })
      .expect(201),
  'nl.transitiemonitor.municipality.merger-undone': async () => {
    const [latest] = (await admin.get('/api/v1/municipality-mergers').expect(200)).body.items;
    await admin.delete(`/api/v1/municipality-mergers/${latest.id}`).expect(204);
  },
  'nl.transitiemonitor.assessment.created': async () => {
    const app = await leiden.post('/api/v1/municipalities/GM0546/applications').send({ name: `Beoordeeld ${randomUUID()}`, vendor: 'Feed B.V.', version: '2' }).expect(201);
    await leiden.post(`/api/v1/product-versions/${app.body.productVersionId}/assessments`).send({ verdict: 'compliant', evidence: 'Eigen oordeel' }).expect(201);
  },
  'nl.transitiemonitor.suggestion.accepted': async () =>
    leiden.post('/api/v1/municipalities/GM0546/suggestions/acceptances').send({ suggestions: [await leidenSuggestion()] }).expect(200),
  'nl.transitiemonitor.suggestion.declined': async () => {
    const { applicationId, assessmentId } = await leidenSuggestion();
    await leiden.post('/api/v1/municipalities/GM0546/suggestions/declines').send({ applicationId, assessmentId, reason: 'Wij draaien een eigen variant' }).expect(201);
  },
  'nl.transitiemonitor.coalition.created': async () => {
    await leidenApplication();
    const [product] = (await api().get('/api/v1/products?pageSize=1').expect(200)).body.items;
    const targetYear = new Date().getUTCFullYear() + 2;
    const created = await leiden.post('/api/v1/coalitions').send({ name: 'Samen zaken', productId: product.id, targetYear, municipalityCode: 'GM0546' }).expect(201);
    coalitionId = created.body.id;
  },
  'nl.transitiemonitor.coalition.updated': () => leiden.patch(`/api/v1/coalitions/${coalitionId}`).send({ description: 'Eén aanbesteding' }).expect(200),
  'nl.transitiemonitor.coalition.joined': () => delft.post(`/api/v1/coalitions/${coalitionId}/members`).send({ municipalityCode: 'GM0503' }).expect(201),
  'nl.transitiemonitor.coalition.left': () => delft.delete(`/api/v1/coalitions/${coalitionId}/members/GM0503`).expect(204),
};

describe('change feed', () => {
  it('when each kind of change commits, then the feed has its event as a CloudEvent of the NL GOV profile', async () => {
    expect(Object.keys(CHANGES).sort()).toEqual([...EVENT_TYPES].sort());
    for (const change of Object.values(CHANGES)) await change();
    const events = await readAll(admin);
    for (const type of EVENT_TYPES) {
      const event = events.find((e) => e.type === type);
      expect(event, type).toBeDefined();
      // The CloudEvents SDK's own check of the specification, then the profile's rules and our documented shape.
      expect(new CloudEvent(event!).validate()).toBe(true);
      expect(cloudEventSchema.safeParse(event).success, type).toBe(true);
      expect(event).toMatchObject({ specversion: '1.0', source: SOURCE, datacontenttype: 'application/json' });
      expect(event!.source).toMatch(/^urn:nld:/);
      expect(event!.type).toMatch(/^[a-z]+(\.[a-z-]+)+$/);
      expect(event!.subject.length).toBeGreaterThan(0);
      expect(new Date(event!.time).toISOString()).toBe(event!.time);
      expect(event!.id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const attestation = events.find((e) => e.type === 'nl.transitiemonitor.attestation.created')!;
    expect(attestation).toMatchObject({ municipalitycode: 'GM0546', subject: `municipalities/GM0546/attestations/${attestation.data.id}` });
    // A merger is announced to whoever follows any municipality it involves, and each application it moved on its own.
    const merged = events.filter((e) => e.type === 'nl.transitiemonitor.municipality.merged');
    expect(merged.map((e) => e.municipalitycode).sort()).toEqual(['GM0060', 'GM0088', 'GM0093', 'GM0096', 'GM9001', 'GM9002']);
    expect(merged[0]).toMatchObject({ subject: `municipality-mergers/${merged[0]!.data.id}`, data: { from: ['GM0088', 'GM0093'], into: { code: 'GM9001' } } });
    expect(events.filter((e) => e.type === 'nl.transitiemonitor.municipality.merger-undone').map((e) => e.municipalitycode).sort()).toEqual(['GM0060', 'GM0096', 'GM9002']);
    const moved = events.find((e) => e.type === 'nl.transitiemonitor.application.moved')!;
    expect(moved).toMatchObject({ municipalitycode: 'GM9001', data: { application: { name: 'Eilandzaken', municipalityCode: 'GM9001' }, change: { action: 'moved' } } });
    // A judgement is the programme's; what an editor does with it is the municipality's.
    const assessed = events.find((e) => e.type === 'nl.transitiemonitor.assessment.created')!;
    expect(assessed).toMatchObject({ subject: `product-versions/${assessed.data.productVersionId}/assessments/${assessed.data.id}`, data: { level: 'claimed', verdict: 'compliant' } });
    expect(assessed.municipalitycode).toBeUndefined();
    const accepted = events.find((e) => e.type === 'nl.transitiemonitor.suggestion.accepted')!;
    expect(accepted).toMatchObject({ municipalitycode: 'GM0546', subject: `applications/${accepted.data.applicationId}`, data: { status: 'compliant', effectiveDate: '2024-01-01' } });
    expect(events.find((e) => e.type === 'nl.transitiemonitor.suggestion.declined')).toMatchObject({ municipalitycode: 'GM0546', data: { reason: 'Wij draaien een eigen variant' } });
    const left = events.find((e) => e.type === 'nl.transitiemonitor.coalition.left')!;
    expect(left).toMatchObject({ subject: `coalitions/${coalitionId}`, municipalitycode: 'GM0503', data: { members: [{ municipalityCode: 'GM0546' }] } });
    expect(events.find((e) => e.type === 'nl.transitiemonitor.settings.updated')).toMatchObject({
      subject: 'settings',
      data: { programmeStart: '2021-01-01', annualRate: 0.1, staleAfterMonths: 9 },
    });
  });

  it('when applications change, one at a time or many at once, then each change is one event carrying the application and its history entry', async () => {
    const start = (await readAll(admin, 1000)).length;
    const { id, etag } = await leidenApplication();
    const patched = await leiden.patch(`/api/v1/applications/${id}`).set('If-Match', etag).send({ status: 'in_transition' }).expect(200);
    const [created, updated] = (await readAll(admin, 1000)).slice(start);
    const history = (await leiden.get(`/api/v1/applications/${id}/history`).expect(200)).body.items;
    expect(created).toMatchObject({ type: 'nl.transitiemonitor.application.created', subject: `applications/${id}`, municipalitycode: 'GM0546' });
    expect(updated!.data).toEqual({ application: patched.body, change: history.find((h: { action: string }) => h.action === 'updated') });
    expect(updated!.data.change).toMatchObject({ effectiveDate: todayIso(), before: { status: 'legacy' }, after: { status: 'in_transition' } });

    const many = await Promise.all(Array.from({ length: 3 }, leidenApplication));
    const read = await Promise.all(many.map(async (a) => (await leiden.get(`/api/v1/applications/${a.id}`).expect(200)).body));
    const before = (await readAll(admin, 1000)).length;
    await leiden
      .post('/api/v1/municipalities/GM0546/applications/bulk-updates')
      .send({ applications: read.map((a) => ({ id: a.id, updatedAt: a.updatedAt })), changes: { lifecycle: 'phased_out' } })
      .expect(200);
    const bulk = (await readAll(admin, 1000)).slice(before);
    expect(bulk.map((e) => [e.type, e.subject])).toEqual(many.map((a) => ['nl.transitiemonitor.application.retired', `applications/${a.id}`]));
  });

  it('when it is read page by page, then every event comes once, in commit order, with contiguous sequence numbers', async () => {
    for (let i = 0; i < 5; i += 1) await CHANGES['nl.transitiemonitor.attestation.created']();
    const byOne = await readAll(admin, 1);
    const atOnce = (await admin.get('/api/v1/events?pageSize=1000').expect(200)).body.items as Event[];
    expect(byOne).toEqual(atOnce);
    expect(byOne.map((e) => Number(e.sequence))).toEqual(byOne.map((_e, i) => i + 1));
    const last = byOne.at(-1)!.id;
    expect((await admin.get(`/api/v1/events?after=${last}`).expect(200)).body.items).toEqual([]);
  });

  it("when an editor reads it, then it holds their municipalities' events only; others may not read it", async () => {
    await delft.post('/api/v1/municipalities/GM0503/attestations').send({}).expect(201);
    const seenByLeiden = await readAll(leiden);
    expect(seenByLeiden.length).toBeGreaterThan(0);
    expect(seenByLeiden.every((e) => e.municipalitycode === 'GM0546')).toBe(true);
    // Delft's own: its joining and leaving the coalition of the first test, and its attestation.
    expect((await readAll(delft)).map((e) => e.municipalitycode)).toEqual(['GM0503', 'GM0503', 'GM0503']);
    expect((await readAll(admin)).some((e) => e.municipalitycode === undefined)).toBe(true);
    await api().get('/api/v1/events').expect(401);
    await (await signIn({ role: 'viewer' })).agent.get('/api/v1/events').expect(403);
    await (await signIn({ role: 'board' })).agent.get('/api/v1/events').expect(403);
  });

  it('when the cursor or page size is bad, then 400 names each', async () => {
    const bad = await admin.get('/api/v1/events?after=yesterday&pageSize=0&colour=red').expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['after', 'colour', 'pageSize']);
    const unknown = await admin.get(`/api/v1/events?after=${randomUUID()}`).expect(400);
    expect(unknown.body.errors).toEqual([{ path: 'after', code: 'events.noSuchEvent', message: 'Er is geen gebeurtenis met deze id.' }]);
  });

  it('when a change fails, then it leaves no event', async () => {
    const { id, etag } = await leidenApplication();
    await leiden.patch(`/api/v1/applications/${id}`).set('If-Match', etag).send({ name: 'Eerste' }).expect(200);
    const before = (await readAll(admin, 1000)).length;
    await admin.put('/api/v1/settings').send({ programmeStart: '2021-01-01', annualRate: 2 }).expect(400);
    await leiden.post('/api/v1/municipalities/GM0503/attestations').send({}).expect(403);
    await leiden.patch(`/api/v1/applications/${id}`).set('If-Match', etag).send({ name: 'Tweede' }).expect(412);
    await leiden.patch(`/api/v1/applications/${id}`).send({ name: 'Derde' }).expect(428);
    expect((await readAll(admin, 1000)).length).toBe(before);
  });
});
