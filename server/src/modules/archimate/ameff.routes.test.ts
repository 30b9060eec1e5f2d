import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { ameffStructureProblems } from '../../../test/ameff-structure.ts';
import { archiId, archiModel, referenceComponentNamed } from '../../../test/archimate-fixtures.ts';
import { useTestApp } from '../../../test/harness.ts';

const harness = useTestApp();
const CODES = ['GM0546', 'GM0363', 'GM0014', 'GM0599', 'GM0344'];
let editor: supertest.Agent;
beforeAll(async () => {
  editor = (await harness.signIn({ role: 'editor', municipalityCodes: CODES })).agent;
});

const zaak = referenceComponentNamed('Zaakregistratiecomponent');
const burgerzaken = referenceComponentNamed('Burgerzakencomponent');
const OUR_TYPES = { elements: ['ApplicationComponent'], relationships: ['Realization'] };

function upload(code: string, file: string | Buffer, mode: 'dry-run' | 'commit', name = 'landschap.xml') {
  return editor.post(`/api/v1/municipalities/${code}/imports?mode=${mode}`).attach('file', Buffer.isBuffer(file) ? file : Buffer.from(file, 'utf8'), name);
}

async function exportArchimate(code: string): Promise<supertest.Response> {
  return editor.get(`/api/v1/municipalities/${code}/applications?format=archimate`).buffer(true).parse((res, done) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => done(null, text));
  });
}

async function inventory(code: string) {
  return (await editor.get(`/api/v1/municipalities/${code}/applications?pageSize=500`).expect(200)).body.items as Record<string, unknown>[];
}

async function create(code: string, body: Record<string, unknown>) {
  return (await editor.post(`/api/v1/municipalities/${code}/applications`).send(body).expect(201)).body as { id: string };
}

/** An architect's model as Archi exports it, with one application whose status no one can read. */
const architectsModel = (status: string) =>
  archiModel({
    name: 'Gemeente Voorbeeld',
    elements: [
      { id: archiId('zaaksysteem'), type: 'ApplicationComponent', name: 'Zaaksysteem', properties: { Leverancier: 'Voorbeeld B.V.', Status: 'Common Ground', Kleur: 'blauw' } },
      { id: archiId('burgerzaken'), type: 'ApplicationComponent', name: 'Burgerzakensuite', properties: { Status: status, 'Gepland vervangjaar': '2028' } },
      { id: `id-${zaak.id}`, type: 'ApplicationComponent', name: 'Zaakregistratiecomponent' },
      { id: archiId('bz'), type: 'ApplicationComponent', name: 'Burgerzakencomponent' },
      { id: archiId('team'), type: 'BusinessActor', name: 'Team Zaken' },
    ],
    relationships: [
      { id: archiId('r1'), type: 'Realization', source: archiId('zaaksysteem'), target: `id-${zaak.id}` },
      { id: archiId('r2'), type: 'Realization', source: archiId('burgerzaken'), target: archiId('bz') },
    ],
  });

describe('ArchiMate exchange over HTTP', () => {
  it('when an inventory is exported as ArchiMate, then the file has the exchange format structure and, imported again, changes nothing', async () => {
    await create('GM0546', { name: 'Zaaksysteem', vendor: 'Voorbeeld B.V.', status: 'legacy', layer: 'process', referenceComponentIds: [zaak.id], annualCost: 1250.5 });
    await create('GM0546', { name: 'Burgerzaken & co <suite>', status: 'compliant', lifecycle: 'phasing_out', referenceComponentIds: [burgerzaken.id, zaak.id] });
    await create('GM0546', { name: 'Losse tool', status: 'in_transition', plannedReplacementYear: 2029, notes: 'regel één\nregel twee' });
    const before = await inventory('GM0546');

    const res = await exportArchimate('GM0546');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="applicaties-GM0546-\d{4}-\d{2}-\d{2}\.xml"$/);
    const text = res.body as string;
    expect(ameffStructureProblems(text, OUR_TYPES)).toEqual([]);
    expect(text).toContain('<name xml:lang="nl">Burgerzaken &amp; co &lt;suite&gt;</name>');

    for (const mode of ['dry-run', 'commit'] as const) {
      const report = await upload('GM0546', text, mode);
      expect(report.status, JSON.stringify(report.body)).toBe(200);
      expect(report.body).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3, errors: [], ignoredColumns: [], missing: [] });
    }
    expect(await inventory('GM0546')).toEqual(before);
  });

  it('when filters are given, then the ArchiMate export holds the matching applications only', async () => {
    await create('GM0014', { name: 'Oud', status: 'legacy' });
    await create('GM0014', { name: 'Nieuw', status: 'compliant' });
    const text = (await exportArchimate('GM0014').then((r) => r.body)) as string;
    const onlyCompliant = (await editor.get('/api/v1/municipalities/GM0014/applications?format=archimate&status=compliant').buffer(true)).text;
    expect(text).toContain('>Oud<');
    expect(onlyCompliant).toContain('>Nieuw<');
    expect(onlyCompliant).not.toContain('>Oud<');
  });

  it("when an architect's Archi model is dry-run with an unreadable status, then the error names the element and property, a commit writes nothing, and the mended model is imported", async () => {
    const dry = await upload('GM0363', architectsModel('Half af'), 'dry-run');
    expect(dry.status).toBe(200);
    expect(dry.body.errors).toEqual([{ element: archiId('burgerzaken'), column: 'Status', message: expect.stringContaining('Half af') }]);
    expect(dry.body.ignoredColumns).toEqual(['Kleur']);
    expect(dry.body.ignoredElements).toEqual([{ type: 'BusinessActor', count: 1 }]);

    const refused = await upload('GM0363', architectsModel('Half af'), 'commit');
    expect(refused.status).toBe(422);
    expect(refused.body.errors[0].element).toBe(archiId('burgerzaken'));
    expect(await inventory('GM0363')).toEqual([]);

    const committed = await upload('GM0363', architectsModel('Legacy'), 'commit');
    expect(committed.status, JSON.stringify(committed.body)).toBe(200);
    expect(committed.body).toMatchObject({ committed: true, created: 2, errors: [] });
    const apps = await inventory('GM0363');
    expect(apps.map((a) => [a.name, a.status, a.referenceComponentIds])).toEqual([
      ['Burgerzakensuite', 'legacy', [burgerzaken.id]],
      ['Zaaksysteem', 'compliant', [zaak.id]],
    ]);
  });

  it('when an exported application was changed before its file comes back, then the commit is refused as stale and writes nothing', async () => {
    const app = await create('GM0599', { name: 'Zaaksysteem', status: 'legacy' });
    const text = (await exportArchimate('GM0599')).body as string;
    const etag = (await editor.get(`/api/v1/applications/${app.id}`).expect(200)).headers.etag!;
    await editor.patch(`/api/v1/applications/${app.id}`).set('If-Match', etag).send({ layer: 'data' }).expect(200);
    const edited = text.replace('<name xml:lang="nl">Zaaksysteem</name>', '<name xml:lang="nl">Zaaksysteem (nieuw)</name>');
    const res = await upload('GM0599', edited, 'commit');
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([{ element: `app-${app.id}`, column: 'Laatst gewijzigd', message: expect.stringContaining('Iemand anders heeft deze applicatie gewijzigd') }]);
    expect((await inventory('GM0599')).map((a) => a.name)).toEqual(['Zaaksysteem']);
  });

  it.each([
    ['an external entity (XXE)', 400, `<?xml version="1.0"?>\n<!DOCTYPE model [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"><name>&xxe;</name></model>`, /DOCTYPE/],
    [
      'a billion laughs',
      400,
      `<?xml version="1.0"?>\n<!DOCTYPE model [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>\n<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"><name>&c;</name></model>`,
      /DOCTYPE/,
    ],
    [
      'a relationship to a missing element',
      422,
      archiModel({
        name: 'Kapot',
        elements: [{ id: archiId('a'), type: 'ApplicationComponent', name: 'A' }],
        relationships: [{ id: archiId('r'), type: 'Realization', source: archiId('a'), target: archiId('weg') }],
      }).replace(/<views>[\s\S]*<\/views>/, ''),
      /^Het uitwisselingsbestand wijkt op 1 plaats af van het uitwisselingsformaat; er is niets gelezen\.$/,
    ],
    ['an unknown xsi:type', 422, archiModel({ name: 'Raar', elements: [{ id: archiId('x'), type: 'Toverstaf', name: 'X' }], relationships: [] }), /wijkt op 1 plaats af van het uitwisselingsformaat/],
    ['an exchange file over 10 MB', 413, `<?xml version="1.0"?>\n<model xmlns="http://www.opengroup.org/xsd/archimate/3.0/" identifier="m"><documentation>${'a'.repeat(10 * 1024 * 1024)}</documentation></model>`, /10 MB/],
  ])('when the file holds %s, then %i names what is wrong and nothing is written', async (_what, status, file, detail) => {
    for (const mode of ['dry-run', 'commit'] as const) {
      const res = await upload('GM0344', file, mode);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.detail).toMatch(detail);
    }
    expect(await inventory('GM0344')).toEqual([]);
  });

  it('when a file breaks the exchange format in several places, then the problem lists each identifier concerned', async () => {
    const file = archiModel({
      name: 'Kapot',
      elements: [
        { id: archiId('a'), type: 'ApplicationComponent', name: 'A' },
        { id: archiId('x'), type: 'Toverstaf', name: 'X' },
      ],
      relationships: [{ id: archiId('r'), type: 'Realization', source: archiId('a'), target: archiId('weg') }],
    });
    const res = await upload('GM0344', file, 'dry-run');
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([archiId('r'), archiId('x')].sort());
  });

  it('when a model says it describes another municipality, then it is refused before anything is read into this one', async () => {
    await create('GM0014', { name: 'Iets', status: 'legacy' });
    const text = (await exportArchimate('GM0014')).body as string;
    const res = await upload('GM0344', text, 'dry-run');
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      code: 'archimate.otherMunicipality',
      detail: 'Het bestand beschrijft het applicatielandschap van GM0014, niet dat van GM0344; importeer het daar, of verwijder de gemeente-eigenschap uit het model.',
    });
  });
});
