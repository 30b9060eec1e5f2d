import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '@tm/shared/schemas/application';
import { MAX_BULK_APPLICATIONS } from '@tm/shared/schemas/application-bulk-update';
import { todayIso } from '@tm/shared/dates';
import { useTestApp } from '../../../test/harness.ts';

const { signIn } = useTestApp();
let editor: supertest.Agent;
let editorId: string;
beforeAll(async () => {
  const signedIn = await signIn({ role: 'editor', municipalityCodes: ['GM0546', 'GM0363', 'GM0014', 'GM0547'] });
  editor = signedIn.agent;
  editorId = signedIn.userId;
});

async function create(code: string, body: Record<string, unknown>): Promise<Application> {
  return (await editor.post(`/api/v1/municipalities/${code}/applications`).send(body).expect(201)).body;
}

function bulk(code: string, body: unknown) {
  return editor.post(`/api/v1/municipalities/${code}/applications/bulk-updates`).send(body as object);
}

const targets = (apps: readonly Application[]) => apps.map((a) => ({ id: a.id, updatedAt: a.updatedAt }));

async function referenceComponentIds(count: number): Promise<string[]> {
  return ((await editor.get('/api/v1/reference-components').expect(200)).body.items as { id: string }[]).slice(0, count).map((r) => r.id);
}

async function historyOf(id: string) {
  return (await editor.get(`/api/v1/applications/${id}/history`).expect(200)).body.items as { action: string; effectiveDate: string; actor: { id: string }; before: unknown; after: unknown }[];
}

describe('bulk updates of an inventory', () => {
  it('when a CIO sets several applications compliant at once, then each that changes gets one history entry and the rest none', async () => {
    const legacy = [
      await create('GM0546', { name: 'Bulk A', inUseSince: '2019-01-01' }),
      await create('GM0546', { name: 'Bulk B', layer: 'data', inUseSince: '2019-01-01' }),
    ];
    const already = await create('GM0546', { name: 'Bulk C', status: 'compliant', inUseSince: '2019-01-01' });

    const res = await bulk('GM0546', { applications: targets([...legacy, already]), changes: { status: 'compliant', effectiveDate: '2025-06-15' } }).expect(200);

    expect(res.body).toMatchObject({ updated: 2, unchanged: 1 });
    expect(res.body.applications.map((a: Application) => [a.name, a.status])).toEqual([['Bulk A', 'compliant'], ['Bulk B', 'compliant'], ['Bulk C', 'compliant']]);
    for (const app of legacy) {
      const history = await historyOf(app.id);
      expect(history).toHaveLength(2);
      expect(history[0]).toMatchObject({
        action: 'updated', effectiveDate: '2025-06-15', actor: { id: editorId }, before: { status: 'legacy' }, after: { status: 'compliant' },
      });
    }
    expect(await historyOf(already.id)).toHaveLength(1);
    const trail = await editor.get('/api/v1/municipalities/GM0546/audit-events').expect(200);
    expect(trail.body.items[0]).toMatchObject({ action: 'applications.bulk-updated', after: { unchanged: 1 } });
    expect(new Set(trail.body.items[0].after.updated)).toEqual(new Set(legacy.map((a) => a.id)));
  });

  it('when several fields are set, then each application changes only what differs and the history lists just those fields', async () => {
    const a = await create('GM0546', { name: 'Velden A', layer: 'process', plannedReplacementYear: 2030 });
    const b = await create('GM0546', { name: 'Velden B', layer: 'data', plannedReplacementYear: 2027 });

    const res = await bulk('GM0546', { applications: targets([a, b]), changes: { layer: 'data', plannedReplacementYear: 2027 } }).expect(200);

    expect(res.body).toMatchObject({ updated: 1, unchanged: 1 });
    expect(res.body.applications[0]).toMatchObject({ layer: 'data', plannedReplacementYear: 2027 });
    expect((await historyOf(a.id))[0]).toMatchObject({
      effectiveDate: todayIso(), before: { layer: 'process', plannedReplacementYear: 2030 }, after: { layer: 'data', plannedReplacementYear: 2027 },
    });
  });

  it('when reference components are added and a cost is set, then each application keeps its own components, and the cost figures move', async () => {
    const [r0, r1] = await referenceComponentIds(2);
    const a = await create('GM0014', { name: 'Ref A', referenceComponentIds: [r0], annualCost: 100 });
    const b = await create('GM0014', { name: 'Ref B' });
    const c = await create('GM0014', { name: 'Ref C', referenceComponentIds: [r0, r1], annualCost: 500 });
    const costBefore = (await editor.get('/api/v1/municipalities/GM0014/progress?measure=cost').expect(200)).body.summary.landscapeCost;

    const res = await bulk('GM0014', { applications: targets([a, b, c]), changes: { referenceComponents: { mode: 'add', ids: [r1] }, annualCost: 500 } }).expect(200);

    expect(res.body).toMatchObject({ updated: 2, unchanged: 1 });
    expect(res.body.applications.map((x: Application) => [x.name, x.referenceComponentIds, x.annualCost])).toEqual([
      ['Ref A', [r0, r1].sort(), 500],
      ['Ref B', [r1], 500],
      ['Ref C', [r0, r1].sort(), 500],
    ]);
    expect((await historyOf(a.id))[0]).toMatchObject({
      before: { referenceComponentIds: [r0], annualCost: 100 },
      after: { referenceComponentIds: [r0, r1].sort(), annualCost: 500 },
    });
    expect(await historyOf(c.id)).toHaveLength(1);
    const costAfter = (await editor.get('/api/v1/municipalities/GM0014/progress?measure=cost').expect(200)).body.summary.landscapeCost;
    expect(costAfter - costBefore).toBe(400 + 500);
  });

  it('when reference components replace those of several applications, then each has exactly the chosen ones', async () => {
    const [r0, r1, r2] = await referenceComponentIds(3);
    const a = await create('GM0546', { name: 'Vervang A', referenceComponentIds: [r0, r1] });
    const b = await create('GM0546', { name: 'Vervang B', referenceComponentIds: [r2] });
    const res = await bulk('GM0546', { applications: targets([a, b]), changes: { referenceComponents: { mode: 'replace', ids: [r2] } } }).expect(200);
    expect(res.body).toMatchObject({ updated: 1, unchanged: 1 });
    expect(res.body.applications.map((x: Application) => x.referenceComponentIds)).toEqual([[r2], [r2]]);
  });

  it('when applications are retired in bulk with a date, then each shows that retirement date and leaves the landscape', async () => {
    const apps = [await create('GM0547', { name: 'Uit A', inUseSince: '2015-01-01' }), await create('GM0547', { name: 'Uit B', inUseSince: '2016-01-01' })];
    const res = await bulk('GM0547', { applications: targets(apps), changes: { lifecycle: 'phased_out', effectiveDate: '2024-12-31' } }).expect(200);
    expect(res.body.applications.map((x: Application) => [x.lifecycle, x.retiredAt, x.inUseSince])).toEqual([
      ['phased_out', '2024-12-31', '2015-01-01'],
      ['phased_out', '2024-12-31', '2016-01-01'],
    ]);
    const progress = await editor.get('/api/v1/municipalities/GM0547/progress').expect(200);
    expect(progress.body.summary.landscapeCount).toBe(0);
  });

  it('when a back-dated status is older than a later recorded change, then the later one stays in force', async () => {
    const app = await create('GM0546', { name: 'Tijdlijn', inUseSince: '2018-01-01' });
    const etag = (await editor.get(`/api/v1/applications/${app.id}`).expect(200)).headers.etag!;
    await editor.patch(`/api/v1/applications/${app.id}`).set('If-Match', etag).send({ status: 'in_transition', effectiveDate: '2024-01-01' }).expect(200);
    const res = await bulk('GM0546', { applications: [{ id: app.id }], changes: { status: 'compliant', effectiveDate: '2023-01-01' } }).expect(200);
    expect(res.body.applications[0].status).toBe('in_transition');
    expect((await historyOf(app.id))[0]).toMatchObject({ effectiveDate: '2023-01-01', after: { status: 'compliant' } });
  });

  it('when the dashboard is read after a bulk update, then its figures have moved', async () => {
    const apps = await Promise.all(['Dash A', 'Dash B', 'Dash C', 'Dash D'].map((name) => create('GM0363', { name })));
    const before = (await editor.get('/api/v1/municipalities/GM0363/progress').expect(200)).body.summary;
    await bulk('GM0363', { applications: targets(apps.slice(0, 3)), changes: { status: 'compliant' } }).expect(200);
    const after = (await editor.get('/api/v1/municipalities/GM0363/progress').expect(200)).body.summary;
    expect(after.landscapeCount).toBe(before.landscapeCount);
    expect(after.compliantCount).toBe(before.compliantCount + 3);
    expect(after.share).toBeGreaterThan(before.share);
    const national = (await editor.get('/api/v1/progress/national').expect(200)).body.summary;
    expect(national.compliantCount).toBeGreaterThanOrEqual(3);
  });
});

describe('all or nothing', () => {
  it('when one id is unknown and one is of another municipality, then 400 names both and nothing is written', async () => {
    const mine = await create('GM0546', { name: 'Heel of niets' });
    const theirs = await create('GM0014', { name: 'Andere gemeente' });
    const unknown = '00000000-0000-4000-8000-000000000000';

    const res = await bulk('GM0546', { applications: [{ id: mine.id }, { id: unknown }, { id: theirs.id }], changes: { status: 'compliant' } })
      .expect(400)
      .expect('Content-Type', /problem\+json/);

    expect(res.body.errors).toEqual([
      { path: 'applications.1.id', code: 'inventory.notInMunicipality', message: 'Er is geen applicatie met deze id in GM0546.' },
      { path: 'applications.2.id', code: 'inventory.notInMunicipality', message: 'Er is geen applicatie met deze id in GM0546.' },
    ]);
    expect((await editor.get(`/api/v1/applications/${mine.id}`).expect(200)).body.status).toBe('legacy');
    expect(await historyOf(mine.id)).toHaveLength(1);
    expect((await editor.get(`/api/v1/applications/${theirs.id}`).expect(200)).body.status).toBe('legacy');
  });

  it('when one application was changed since it was read, then 409 names it and nothing is written; without updatedAt the change goes through', async () => {
    const fresh = await create('GM0546', { name: 'Vers' });
    const old = await create('GM0546', { name: 'Verouderd' });
    await editor.patch(`/api/v1/applications/${old.id}`).set('If-Match', (await editor.get(`/api/v1/applications/${old.id}`)).headers.etag!).send({ notes: 'tussendoor' }).expect(200);

    const res = await bulk('GM0546', { applications: targets([fresh, old]), changes: { layer: 'services' } }).expect(409);
    expect(res.body.errors).toEqual([{ path: 'applications.1.updatedAt', code: 'inventory.changedSinceRead', message: expect.stringMatching(/^Gewijzigd nadat u het opvroeg/) }]);
    expect((await editor.get(`/api/v1/applications/${fresh.id}`).expect(200)).body.layer).toBeNull();
    expect(await historyOf(fresh.id)).toHaveLength(1);

    await bulk('GM0546', { applications: [{ id: fresh.id, updatedAt: fresh.updatedAt }, { id: old.id }], changes: { layer: 'services' } }).expect(200);
    expect((await editor.get(`/api/v1/applications/${old.id}`).expect(200)).body.layer).toBe('services');
  });

  it('when racing bulk updates send the same updatedAt, then exactly one wins', async () => {
    const apps = await Promise.all(['Race A', 'Race B'].map((name) => create('GM0546', { name })));
    const results = await Promise.all(
      (['data', 'process', 'services', 'interaction'] as const).map((layer) => bulk('GM0546', { applications: targets(apps), changes: { layer } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    for (const app of apps) expect(await historyOf(app.id)).toHaveLength(2);
  });
});

describe('invalid bulk updates', () => {
  it('when the body is wrong in several places, then 400 names every field', async () => {
    const app = await create('GM0546', { name: 'Ongeldig' });
    const res = await bulk('GM0546', {
      applications: [{ id: app.id }, { id: 'geen-uuid' }, { id: app.id, updatedAt: 'gisteren' }],
      changes: { status: 'groen', plannedReplacementYear: 20.5, effectiveDate: '2999-01-01', name: 'x' },
    }).expect(400);
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual([
      'applications.1.id', 'applications.2.id', 'applications.2.updatedAt',
      'changes.effectiveDate', 'changes.name', 'changes.plannedReplacementYear', 'changes.status',
    ]);
    expect(res.body.errors).toContainEqual({ path: 'applications.2.id', code: 'validation.listedTwice', message: 'Staat er meer dan eens in.' });
    expect(await historyOf(app.id)).toHaveLength(1);
  });

  it('when nothing is to be changed, or a date comes without a status or lifecycle, then 400 says so', async () => {
    const app = await create('GM0546', { name: 'Niets' });
    const empty = await bulk('GM0546', { applications: [{ id: app.id }], changes: {} }).expect(400);
    expect(empty.body.errors).toEqual([{ path: 'changes', code: 'validation.nothingToChange', message: 'Er is niets gewijzigd.' }]);
    const dated = await bulk('GM0546', { applications: [{ id: app.id }], changes: { layer: 'data', effectiveDate: '2024-01-01' } }).expect(400);
    expect(dated.body.errors).toEqual([
      { path: 'changes.effectiveDate', code: 'validation.effectiveDateOnlyForStatus', message: 'Een ingangsdatum hoort alleen bij een wijziging van status of gebruiksstatus.' },
    ]);
    const none = await bulk('GM0546', { applications: [], changes: { layer: 'data' } }).expect(400);
    expect(none.body.errors).toEqual([{ path: 'applications', code: 'validation.selectOne', message: 'Selecteer ten minste één applicatie.' }]);
  });

  it('when a reference component is unknown or the way to set them is missing, then 400 names each, in the language asked for, and nothing changes', async () => {
    const [r0] = await referenceComponentIds(1);
    const app = await create('GM0546', { name: 'Onbekende referentie' });
    const unknown = '00000000-0000-4000-8000-00000000abcd';
    const changes = { referenceComponents: { mode: 'add', ids: [r0, unknown] } };
    const dutch = await bulk('GM0546', { applications: [{ id: app.id }], changes }).expect(400);
    const english = await bulk('GM0546', { applications: [{ id: app.id }], changes }).set('Accept-Language', 'en').expect(400);
    expect(dutch.body.errors).toEqual([
      { path: 'changes.referenceComponents.ids.1', code: 'referenceComponents.unknown', message: `Er is geen referentiecomponent met id ${unknown}.` },
    ]);
    expect(english.body.errors).toEqual([
      { path: 'changes.referenceComponents.ids.1', code: 'referenceComponents.unknown', message: `There is no reference component with id ${unknown}.` },
    ]);
    const shapeless = await bulk('GM0546', { applications: [{ id: app.id }], changes: { referenceComponents: { mode: 'mix', ids: [] }, annualCost: -1 } }).expect(400);
    expect(shapeless.body.errors.map((e: { path: string; code: string }) => [e.path, e.code])).toEqual([
      ['changes.referenceComponents.mode', 'validation.invalidChoice'],
      ['changes.referenceComponents.ids', 'validation.tooFewItems'],
      ['changes.annualCost', 'validation.tooSmall'],
    ]);
    expect(await historyOf(app.id)).toHaveLength(1);
  });

  it(`when more than ${MAX_BULK_APPLICATIONS} applications are listed, then 400 says how many are allowed`, async () => {
    const many = Array.from({ length: MAX_BULK_APPLICATIONS + 1 }, (_, i) => ({ id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }));
    const res = await bulk('GM0546', { applications: many, changes: { layer: 'data' } }).expect(400);
    expect(res.body.errors).toEqual([
      { path: 'applications', code: 'validation.tooManySelected', message: `Selecteer ten hoogste ${MAX_BULK_APPLICATIONS} applicaties tegelijk.` },
    ]);
  });
});
