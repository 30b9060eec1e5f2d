import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';

const harness = useTestApp();
const { api, signIn } = harness;
let admin: supertest.Agent;
beforeAll(async () => {
  admin = (await signIn({ role: 'admin' })).agent;
});

type Body = Record<string, unknown>;

async function editorOf(...codes: string[]) {
  return signIn({ role: 'editor', municipalityCodes: codes });
}

async function create(editor: supertest.Agent, code: string, body: Body) {
  const res = await editor.post(`/api/v1/municipalities/${code}/applications`).send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

function merge(body: Body, agent = admin) {
  return agent.post('/api/v1/municipality-mergers').send(body);
}

async function national() {
  const [count, cost] = await Promise.all(
    ['count', 'cost'].map(async (measure) => (await api().get(`/api/v1/progress/national?measure=${measure}`).expect(200)).body),
  );
  return { count: count.series, cost: cost.series, byLayer: count.byLayer };
}

const progress = async (code: string) => (await api().get(`/api/v1/municipalities/${code}/progress`).expect(200)).body;

describe('registering a merger', () => {
  it('when two municipalities with applications merge into a new one, then the applications move with their history, the old ones say where they went, and the national figures stay the same at every date', async () => {
    const { agent: editor, userId } = await editorOf('GM0060', 'GM0096');
    const a = await create(editor, 'GM0060', { name: 'Zaaksysteem Ameland', status: 'legacy', layer: 'process', inUseSince: '2018-03-01', annualCost: 1000 });
    await create(editor, 'GM0060', { name: 'Portaal Ameland', status: 'compliant', inUseSince: '2020-05-01' });
    await create(editor, 'GM0096', { name: 'Zaaksysteem Vlieland', status: 'in_transition', inUseSince: '2019-07-15', annualCost: 500 });
    const etag = (await editor.get(`/api/v1/applications/${a.id}`).expect(200)).headers.etag!;
    await editor.patch(`/api/v1/applications/${a.id}`).set('If-Match', etag).send({ status: 'compliant', effectiveDate: '2024-02-10' }).expect(200);

    const nationalBefore = await national();
    const amelandBefore = await progress('GM0060');

    const res = await merge({ date: '2025-01-01', from: ['GM0060', 'GM0096'], into: { code: 'GM9101', name: 'Wadden-Oost', province: 'Fryslân' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      date: '2025-01-01',
      from: ['GM0060', 'GM0096'],
      into: { code: 'GM9101', name: 'Wadden-Oost', province: 'Fryslân' },
      movedApplications: 3,
      undoneAt: null,
      undoable: true,
    });
    expect(res.headers.location).toBe(`/api/v1/municipality-mergers/${res.body.id}`);

    expect(await national()).toEqual(nationalBefore);
    const moved = (await editor.get('/api/v1/municipalities/GM9101/applications').expect(200)).body;
    expect(moved.total).toBe(3);
    expect((await editor.get('/api/v1/municipalities/GM0060/applications').expect(200)).body.total).toBe(0);
    const history = (await editor.get(`/api/v1/applications/${a.id}/history`).expect(200)).body.items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['moved', 'updated', 'created']);
    expect(history[0]).toMatchObject({ effectiveDate: '2025-01-01', before: { municipalityCode: 'GM0060' }, after: { municipalityCode: 'GM9101' } });

    const ameland = (await api().get('/api/v1/municipalities/GM0060').expect(200)).body;
    expect(ameland).toMatchObject({ validTo: '2025-01-01', mergedInto: { code: 'GM9101', name: 'Wadden-Oost' } });
    // The register lists those that exist; Beheer asks for the merged ones too, each saying where it went.
    const today = (await api().get('/api/v1/municipalities?q=ameland').expect(200)).body.items;
    expect(today).toEqual([]);
    const register = (await api().get('/api/v1/municipalities?q=ameland&ended=include').expect(200)).body.items;
    expect(register).toMatchObject([{ code: 'GM0060', mergedInto: { code: 'GM9101', name: 'Wadden-Oost' } }]);
    const formed = (await api().get('/api/v1/municipalities/GM9101').expect(200)).body;
    expect(formed).toMatchObject({ validFrom: '2025-01-01', population: 3800 + 1217, sizeClass: 2, predecessors: ['GM0060', 'GM0096'] });

    // The old municipality's figures up to its last day are as they were.
    const amelandAfter = await progress('GM0060');
    expect(amelandAfter.summary.date).toBe('2024-12-31');
    expect(amelandAfter.series).toEqual(amelandBefore.series.filter((p: { date: string }) => p.date < '2025-01-01'));

    // Editors follow the merger, and the merger is on the audit trail.
    const me = (await editor.get('/api/v1/sessions/current').expect(200)).body;
    expect(me.user.municipalityCodes).toEqual(['GM9101']);
    expect(userId).toBeTruthy();
    const trail = (await admin.get('/api/v1/audit-events?entityType=municipality-merger').expect(200)).body.items;
    expect(trail.find((e: { entityId: string }) => e.entityId === res.body.id)).toMatchObject({ action: 'municipality.merged', municipalityCode: 'GM9101' });
  });

  it('when a municipality absorbs another and then merges again, then undoing goes back one merger at a time, only from the latest, and restores everything', async () => {
    const { agent: editor } = await editorOf('GM0106', 'GM1699', 'GM1730');
    await create(editor, 'GM0106', { name: 'Zaken Assen', status: 'legacy', inUseSince: '2019-02-01' });
    await create(editor, 'GM1699', { name: 'Zaken Noordenveld', status: 'compliant', inUseSince: '2021-06-01', annualCost: 200 });
    await create(editor, 'GM1730', { name: 'Zaken Tynaarlo', status: 'in_transition', inUseSince: '2020-09-01' });
    const nationalBefore = await national();
    const before = Object.fromEntries(
      await Promise.all(['GM0106', 'GM1699', 'GM1730'].map(async (c) => [c, { register: (await api().get(`/api/v1/municipalities/${c}`)).body, progress: await progress(c) }])),
    );

    const first = await merge({ date: '2024-01-01', from: ['GM0106', 'GM1699'], into: { code: 'GM0106', name: 'Assen', province: 'Drenthe' } }).expect(201);
    const assen = (await api().get('/api/v1/municipalities/GM0106').expect(200)).body;
    expect(assen).toMatchObject({ validFrom: null, validTo: null, population: 70392 + 31751, predecessors: ['GM1699'] });
    // An absorbing municipality keeps its own past.
    const assenAfter = await progress('GM0106');
    expect(assenAfter.series.filter((p: { date: string }) => p.date < '2024-01-01')).toEqual(
      before.GM0106.progress.series.filter((p: { date: string }) => p.date < '2024-01-01'),
    );
    const second = await merge({ date: '2025-01-01', from: ['GM0106', 'GM1730'], into: { code: 'GM9102', name: 'Drentsche Aa', province: 'Drenthe' } }).expect(201);
    expect((await api().get('/api/v1/municipalities/GM9102').expect(200)).body.predecessors).toEqual(['GM0106', 'GM1699', 'GM1730']);
    expect(await national()).toEqual(nationalBefore);
    expect((await admin.get(`/api/v1/municipality-mergers/${first.body.id}`).expect(200)).body.undoable).toBe(false);

    const notLatest = await admin.delete(`/api/v1/municipality-mergers/${first.body.id}`).expect(409);
    expect(notLatest.body).toMatchObject({
      code: 'mergers.notLatest',
      detail: 'Alleen de laatst geregistreerde herindeling kan worden teruggedraaid, en de herindeling tot GM0106 per 2024-01-01 is dat niet: draai eerst de latere terug.',
    });
    await admin.delete(`/api/v1/municipality-mergers/${second.body.id}`).expect(204);
    await api().get('/api/v1/municipalities/GM9102').expect(404);
    await admin.delete(`/api/v1/municipality-mergers/${first.body.id}`).expect(204);
    expect((await admin.delete(`/api/v1/municipality-mergers/${first.body.id}`).expect(409)).body).toMatchObject({
      code: 'mergers.alreadyUndone',
      detail: expect.stringMatching(/^De herindeling tot GM0106 per 2024-01-01 is al teruggedraaid op \d{4}-\d{2}-\d{2}/),
    });

    expect(await national()).toEqual(nationalBefore);
    for (const code of ['GM0106', 'GM1699', 'GM1730']) {
      expect((await api().get(`/api/v1/municipalities/${code}`)).body, code).toEqual(before[code].register);
      expect(await progress(code), code).toEqual(before[code].progress);
    }
    expect((await editor.get('/api/v1/sessions/current').expect(200)).body.user.municipalityCodes).toEqual(['GM0106', 'GM1699', 'GM1730']);
    const listed = (await admin.get('/api/v1/municipality-mergers?code=GM1699').expect(200)).body;
    expect(listed.items.map((m: { id: string; undoneAt: string | null }) => [m.id, m.undoneAt !== null])).toEqual([[first.body.id, true]]);
  });

  it('when a municipality formed by a merger got applications of its own, then undoing it is refused until they are gone', async () => {
    const { agent: editor } = await editorOf('GM0277', 'GM0279');
    await create(editor, 'GM0277', { name: 'Zaken Rozendaal', status: 'legacy' });
    const merger = await merge({ date: '2025-01-01', from: ['GM0277', 'GM0279'], into: { code: 'GM9104', name: 'Veluwezoom', province: 'Gelderland' } }).expect(201);
    const added = await create(editor, 'GM9104', { name: 'Nieuw in Veluwezoom', status: 'compliant' });
    const refused = await admin.delete(`/api/v1/municipality-mergers/${merger.body.id}`).expect(409);
    expect(refused.body).toMatchObject({
      code: 'mergers.addedSince',
      detail: 'Na de herindeling is er 1 applicatie aan GM9104 toegevoegd; verplaats of verwijder die voordat u de herindeling terugdraait.',
    });
    const etag = (await editor.get(`/api/v1/applications/${added.id}`).expect(200)).headers.etag!;
    await editor.delete(`/api/v1/applications/${added.id}`).set('If-Match', etag).expect(204);
    await admin.delete(`/api/v1/municipality-mergers/${merger.body.id}`).expect(204);
    expect((await editor.get('/api/v1/municipalities/GM0277/applications').expect(200)).body.items.map((a: { name: string }) => a.name)).toEqual(['Zaken Rozendaal']);
  });
});

describe("a new municipality's figures", () => {
  it('when it is formed, then its target grows from the starting share of its predecessors, its pace is theirs together, and its series starts on its first day', async () => {
    const { agent: editor } = await editorOf('GM0213', 'GM0285');
    await create(editor, 'GM0213', { name: 'Oud en goed', status: 'compliant', inUseSince: '2018-01-01' });
    await create(editor, 'GM0285', { name: 'Oud en legacy', status: 'legacy', inUseSince: '2018-01-01' });
    await merge({ date: '2025-01-01', from: ['GM0213', 'GM0285'], into: { code: 'GM9112', name: 'IJsselvallei', province: 'Gelderland' } }).expect(201);
    const formed = await progress('GM9112');
    expect(formed.summary.startShare).toBe(0.5);
    expect(formed.series[0].date).toBe('2025-01-31');
    expect(formed.summary.pace).toBe(0);
    const share = (await api().get('/api/v1/progress/national').expect(200)).body.distribution.municipalities.find((m: { code: string }) => m.code === 'GM9112');
    expect(share).toMatchObject({ landscapeCount: 2, predecessors: ['GM0213', 'GM0285'] });
    expect(share.target).toBeCloseTo(formed.summary.target, 12);

    // An application added later with an in-use date before the municipality existed counts for it from then on.
    const national = (await api().get('/api/v1/progress/national').expect(200)).body.series;
    const { agent: newEditor } = await editorOf('GM9112');
    await create(newEditor, 'GM9112', { name: 'Al jaren in gebruik', status: 'legacy', inUseSince: '2019-03-01' });
    const after = (await api().get('/api/v1/progress/national').expect(200)).body.series;
    const at = (series: { date: string; landscapeCount: number }[], date: string) => series.find((p) => p.date === date)!.landscapeCount;
    expect(at(after, '2019-03-31') - at(national, '2019-03-31')).toBe(1);
    expect((await progress('GM9112')).summary.landscapeCount).toBe(3);
    expect((await progress('GM0213')).series.at(-1).landscapeCount).toBe(1);
  });

  it('when it later absorbs another, then its figures before that day stay as they were and its target still grows from the start it was formed with', async () => {
    const { agent: editor } = await editorOf('GM0303', 'GM0050', 'GM0184');
    await create(editor, 'GM0303', { name: 'Zaken Dronten', status: 'compliant', inUseSince: '2018-01-01' });
    await create(editor, 'GM0050', { name: 'Zaken Zeewolde', status: 'legacy', inUseSince: '2018-01-01' });
    await create(editor, 'GM0184', { name: 'Zaken Urk', status: 'legacy', inUseSince: '2018-01-01' });
    await create(editor, 'GM0184', { name: 'Portaal Urk', status: 'legacy', inUseSince: '2018-01-01' });
    await merge({ date: '2024-01-01', from: ['GM0303', 'GM0050'], into: { code: 'GM9113', name: 'Flevo-Oost', province: 'Flevoland' } }).expect(201);
    const formed = await progress('GM9113');

    await merge({ date: '2025-01-01', from: ['GM9113', 'GM0184'], into: { code: 'GM9113', name: 'Flevo-Oost', province: 'Flevoland' } }).expect(201);
    const absorbed = await progress('GM9113');
    const before = (series: { date: string }[]) => series.filter((p) => p.date < '2025-01-01');
    expect(before(absorbed.series)).toEqual(before(formed.series));
    expect(absorbed.summary.startShare).toBe(0.5);
    expect(absorbed.summary.landscapeCount).toBe(4);
    const share = (await api().get('/api/v1/progress/national').expect(200)).body.distribution.municipalities.find((m: { code: string }) => m.code === 'GM9113');
    expect(share.target).toBeCloseTo(absorbed.summary.target, 12);
  });
});

describe('a merger that does not fit the register', () => {
  it('when the new code has a landscape of its own, the date lies ahead or before a municipality began, or a municipality already merged away, then each is refused naming the field', async () => {
    const { agent: editor } = await editorOf('GM0114');
    await create(editor, 'GM0114', { name: 'Zaken Emmen', status: 'legacy' });
    const own = await merge({ date: '2025-01-01', from: ['GM0109'], into: { code: 'GM0114', name: 'Emmen', province: 'Drenthe' } }).expect(409);
    expect(own.body).toMatchObject({ code: 'mergers.refused', detail: 'De herindeling past op 1 punt niet bij het register; er is niets geregistreerd.' });
    expect(own.body.errors).toEqual([
      {
        path: 'into.code',
        code: 'mergers.targetHasLandscape',
        message: 'GM0114 bestaat al en heeft een eigen applicatielandschap; neem de gemeente op in "from" om de andere erin te laten opgaan.',
      },
    ]);

    const ahead = await merge({ date: '2099-01-01', from: ['GM0109', 'GM0119'], into: { code: 'GM9105', name: 'Zuidwest-Drenthe', province: 'Drenthe' } }).expect(400);
    expect(ahead.body.errors).toEqual([
      { path: 'date', code: 'mergers.inFuture', message: 'Een datum in de toekomst kan niet: een herindeling wordt geregistreerd vanaf haar datum.' },
    ]);

    await merge({ date: '2024-01-01', from: ['GM0109', 'GM0119'], into: { code: 'GM9105', name: 'Zuidwest-Drenthe', province: 'Drenthe' } }).expect(201);
    const again = await merge({ date: '2025-01-01', from: ['GM0119', 'GM0118'], into: { code: 'GM9106', name: 'Hoogeveen-Meppel', province: 'Drenthe' } }).expect(409);
    expect(again.body.errors).toEqual([{ path: 'from.0', code: 'mergers.mergedAlready', message: 'GM0119 is al per 2024-01-01 opgegaan in GM9105.' }]);
    const early = await merge({ date: '2023-06-01', from: ['GM9105', 'GM0118'], into: { code: 'GM9106', name: 'Hoogeveen-Meppel', province: 'Drenthe' } }).expect(400);
    expect(early.body.errors).toEqual([{ path: 'date', code: 'mergers.beforeStart', message: 'Kies een datum na 2024-01-01, de dag waarop GM9105 begon.' }]);
    const unknown = await merge({ date: '2025-01-01', from: ['GM9999', 'GM0118'], into: { code: 'GM9106', name: 'X', province: 'Drenthe' } }).expect(400);
    expect(unknown.body.errors).toEqual([{ path: 'from.0', code: 'mergers.unknownMunicipality', message: 'Er is geen gemeente GM9999 in het register.' }]);
  });

  it('when the body is malformed, or the caller is no admin, then nothing is registered and the answer says why', async () => {
    const bad = await merge({ date: '1-1-2025', from: [], into: { code: 'X', name: '', province: 'Brabant' } }).expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['date', 'from', 'into.code', 'into.name', 'into.province']);
    const body = { date: '2025-01-01', from: ['GM0654', 'GM0664'], into: { code: 'GM9107', name: 'Zuid-Beveland', province: 'Zeeland' } };
    await api().post('/api/v1/municipality-mergers').send(body).expect(401);
    await api().get('/api/v1/municipality-mergers').expect(401);
    const { agent: editor } = await editorOf('GM0654');
    await merge(body, editor).expect(403);
    await api().get('/api/v1/municipalities/GM9107').expect(404);
  });

  it('when an editor still bound to a merged-away municipality writes to it, then 409 says where its applications went', async () => {
    await merge({ date: '2025-01-01', from: ['GM0678', 'GM0703'], into: { code: 'GM9108', name: 'Oosterschelde', province: 'Zeeland' } }).expect(201);
    const { agent: editor } = await editorOf('GM0678');
    const created = await editor.post('/api/v1/municipalities/GM0678/applications').send({ name: 'Te laat', status: 'legacy' }).expect(409);
    expect(created.body).toMatchObject({
      code: 'municipalities.mergedAway',
      detail: 'GM0678 is per 2025-01-01 opgegaan in GM9108; de applicaties staan daar nu, en wijzigingen horen daar.',
    });
    const imported = await editor.post('/api/v1/municipalities/GM0678/imports?mode=dry-run').attach('file', Buffer.from('Naam\nTe laat\n'), 'a.csv').expect(409);
    expect(imported.body).toMatchObject({ code: 'municipalities.mergedAway', detail: created.body.detail });
    await editor
      .post('/api/v1/municipalities/GM0678/applications/bulk-updates')
      .send({ applications: [{ id: '00000000-0000-4000-8000-000000000000' }], changes: { layer: 'data' } })
      .expect(409);
  });
});

describe('applying a register update', () => {
  const update = {
    date: '2025-01-01',
    source: 'CBS Gemeentelijke indeling op 1 januari 2025 (CC BY 4.0), afgeleid voor deze test',
    mergers: [{ date: '2025-01-01', from: ['GM0716', 'GM1695'], into: { code: 'GM9109', name: 'Tholen-Beveland', province: 'Zeeland' } }],
    renames: [{ date: '2025-01-01', code: 'GM0687', name: 'Middelburg' }],
    populations: [
      { code: 'GM9109', population: 35_500 },
      { code: 'GM0718', population: 46_000 },
    ],
    review: ['Tholen en Noord-Beveland samen: de bevolking klopt'],
    unresolved: [],
  };

  it('when a reviewed update is dry-run and then committed, then the dry run changes nothing and the commit applies it all', async () => {
    const { agent: editor } = await editorOf('GM0716');
    await create(editor, 'GM0716', { name: 'Zaken Tholen', status: 'legacy' });
    const dry = await admin.post('/api/v1/municipality-register-updates').send(update).expect(200);
    expect(dry.body).toEqual({ mode: 'dry-run', committed: false, mergers: 1, renames: 1, populations: 2, movedApplications: 1 });
    await api().get('/api/v1/municipalities/GM9109').expect(404);
    expect((await api().get('/api/v1/municipalities/GM0687').expect(200)).body.name).toBe('Middelburg (Z.)');

    const done = await admin.post('/api/v1/municipality-register-updates?mode=commit').send(update).expect(200);
    expect(done.body).toEqual({ ...dry.body, mode: 'commit', committed: true });
    expect((await api().get('/api/v1/municipalities/GM9109').expect(200)).body).toMatchObject({ population: 35_500, sizeClass: 4 });
    expect((await api().get('/api/v1/municipalities/GM0687').expect(200)).body.name).toBe('Middelburg');
    expect((await api().get('/api/v1/municipalities/GM0687?date=2024-12-31').expect(200)).body.name).toBe('Middelburg (Z.)');
    expect((await api().get('/api/v1/municipalities/GM0718').expect(200)).body.population).toBe(46_000);
  });

  it('when an update still lists unresolved points, names a municipality that is gone, or overlaps its own mergers, then nothing is applied', async () => {
    const unresolved = await admin.post('/api/v1/municipality-register-updates?mode=commit').send({ ...update, unresolved: ['GM0999 ontbreekt'] }).expect(422);
    expect(unresolved.body).toMatchObject({
      code: 'mergers.unresolved',
      detail: 'De registerwijziging noemt 1 onopgelost punt; regel dat met de hand en maak "unresolved" leeg voordat u de wijziging toepast.',
    });
    expect(unresolved.body.errors).toEqual([{ path: 'unresolved.0', code: 'mergers.unresolvedPoint', message: 'Nog niet opgelost: GM0999 ontbreekt' }]);
    const overlapping = {
      ...update,
      mergers: [
        { date: '2025-01-01', from: ['GM0654', 'GM0664'], into: { code: 'GM9110', name: 'Zuid-Beveland', province: 'Zeeland' } },
        { date: '2025-06-01', from: ['GM0664', 'GM0715'], into: { code: 'GM9111', name: 'Goes-Terneuzen', province: 'Zeeland' } },
      ],
      renames: [],
      populations: [{ code: 'GM0654', population: 1 }],
    };
    const refused = await admin.post('/api/v1/municipality-register-updates?mode=commit').send(overlapping).expect(409);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['mergers.1.from.0', 'mergers.1.from']);
    const gone = { ...overlapping, mergers: [overlapping.mergers[0]] };
    const named = await admin.post('/api/v1/municipality-register-updates?mode=commit').send(gone).expect(409);
    expect(named.body).toMatchObject({ code: 'mergers.updateRefused', detail: 'De registerwijziging past op 1 punt niet bij het register; er is niets toegepast.' });
    expect(named.body.errors).toEqual([{ path: 'populations.0.code', code: 'mergers.notInRegister', message: 'Er is op 2025-01-01 geen gemeente GM0654 in het register.' }]);
    await api().get('/api/v1/municipalities/GM9110').expect(404);
    expect((await api().get('/api/v1/municipalities/GM0654').expect(200)).body.validTo).toBeNull();
  });

  it('when an update is dated in the future, then it is refused at its date and no name or population changes before then', async () => {
    const ahead = { ...update, date: '2099-01-01', mergers: [], renames: [{ date: '2099-01-01', code: 'GM0363', name: 'Mokum' }], populations: [{ code: 'GM0718', population: 1 }] };
    const refused = await admin.post('/api/v1/municipality-register-updates?mode=commit').send(ahead).expect(400);
    const said = 'De registerwijziging geldt vanaf 2099-01-01; pas haar op of na die dag toe. Het register houdt de namen en inwonertallen van vandaag bij.';
    expect(refused.body).toMatchObject({ code: 'mergers.updateInFuture', detail: said });
    expect(refused.body.errors).toEqual([{ path: 'date', code: 'mergers.updateInFuture', message: said }]);
    expect((await api().get('/api/v1/municipalities/GM0363').expect(200)).body.name).toBe('Amsterdam');
    expect((await api().get('/api/v1/municipalities/GM0718').expect(200)).body.population).not.toBe(1);
  });
});
