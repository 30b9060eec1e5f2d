import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { csv } from '../../../test/spreadsheets.ts';

const harness = useTestApp();
let editor: supertest.Agent;
beforeAll(async () => {
  editor = (await harness.signIn({ role: 'editor', municipalityCodes: ['GM0153', 'GM0200', 'GM0202', 'GM0268', 'GM0307'] })).agent;
});

function upload(code: string, file: string, query: string, language?: string) {
  const request = editor.post(`/api/v1/municipalities/${code}/imports?${query}`);
  if (language) request.set('Accept-Language', language);
  return request.attach('file', Buffer.from(file, 'utf8'), 'inventaris.csv');
}

async function inventory(code: string) {
  const res = await editor.get(`/api/v1/municipalities/${code}/applications?pageSize=500&sort=name`).expect(200);
  return res.body.items as { id: string; name: string; status: string; layer: string | null; annualCost: number | null }[];
}

async function create(code: string, body: Record<string, unknown>): Promise<{ id: string }> {
  return (await editor.post(`/api/v1/municipalities/${code}/applications`).send(body).expect(201)).body;
}

describe('the words of an import report', () => {
  const file = csv([['Naam', 'Status', 'Laag'], ['Een', 'Oud', 'Data'], ['Twee', 'Legacy', 'Wolk']]);

  it('when no language is asked for, then every error of the report is Dutch; with Accept-Language en, English', async () => {
    const dutch = await upload('GM0153', file, 'mode=dry-run').expect(200);
    expect(dutch.headers['content-language']).toBe('nl');
    expect(dutch.body.errors.map((e: { message: string }) => e.message)).toEqual([
      'Onbekende waarde "Oud"; kies Legacy, In transitie of Common Ground.',
      'Onbekende waarde "Wolk"; kies Interactie, Proces, Integratie, Services of Data.',
    ]);
    const english = await upload('GM0153', file, 'mode=dry-run', 'en').expect(200);
    expect(english.headers['content-language']).toBe('en');
    expect(english.body.errors[0].message).toBe('Unknown value "Oud"; choose Legacy, In transitie, or Common Ground.');
  });

  it('when a commit is refused, then its problem says so in the language asked for, with a code', async () => {
    const res = await upload('GM0153', file, 'mode=commit', 'en').expect(422);
    expect(res.body).toMatchObject({ code: 'imports.refusedErrors', detail: 'Nothing was imported: the file has 2 errors.', title: 'Unprocessable content' });
    const dutch = await upload('GM0153', 'Kleur;Maat\r\nrood;XL\r\n', 'mode=dry-run').expect(422);
    expect(dutch.body).toMatchObject({ code: 'imports.noKnownColumn', title: 'Niet te verwerken' });
  });
});

describe('valid rows only', () => {
  const file = csv([['Naam', 'Status'], ['Goed', 'Common Ground'], ['Fout', 'Oud'], ['Zonder', '']]);

  it('when a row has a bad status, then its application is skipped, not counted as one without status', async () => {
    const report = (await upload('GM0200', file, 'mode=dry-run').expect(200)).body;
    expect(report).toMatchObject({ rows: 3, created: 2, skipped: 1, defaultedToLegacy: 1 });
    expect(report.changes.map((c: { name: string }) => c.name)).toEqual(['Goed', 'Zonder']);
  });

  it('when the commit asks for the valid rows only, then those are written and the report still lists the errors', async () => {
    await upload('GM0200', file, 'mode=commit').expect(422);
    const report = (await upload('GM0200', file, 'mode=commit&invalid=skip').expect(200)).body;
    expect(report).toMatchObject({ committed: true, created: 2, skipped: 1, errors: [{ row: 3, column: 'Status' }] });
    expect((await inventory('GM0200')).map((a) => [a.name, a.status])).toEqual([
      ['Goed', 'compliant'],
      ['Zonder', 'legacy'],
    ]);
  });
});

describe('the preview of what changes', () => {
  it('when a file adds one application and changes another, then the dry run lists each with before and after per field', async () => {
    const kept = await create('GM0202', { name: 'Zaaksysteem', status: 'legacy', layer: 'process', annualCost: 1000 });
    const file = csv([['Naam', 'Status', 'Laag', 'Jaarlijkse kosten'], ['Zaaksysteem', 'Common Ground', 'Proces', '1.500'], ['Portaal', 'In transitie', 'Interactie', '']]);
    const report = (await upload('GM0202', file, 'mode=dry-run').expect(200)).body;
    expect(report.changes).toEqual([
      {
        action: 'updated',
        id: kept.id,
        name: 'Zaaksysteem',
        rows: [2],
        fields: expect.arrayContaining([
          { field: 'annualCost', before: 1000, after: 1500 },
          { field: 'status', before: 'legacy', after: 'compliant' },
        ]),
      },
      {
        action: 'created',
        id: expect.any(String),
        name: 'Portaal',
        rows: [3],
        fields: expect.arrayContaining([
          { field: 'name', before: null, after: 'Portaal' },
          { field: 'status', before: null, after: 'in_transition' },
          { field: 'layer', before: null, after: 'interaction' },
        ]),
      },
    ]);
    expect(report.changes[0].fields).toHaveLength(2);
    expect(report.importId).toBeNull();
  });
});

describe('undoing an import', () => {
  it('when an import is undone, then its new applications are gone, the changed ones are as before, and the audit trail says so', async () => {
    const kept = await create('GM0268', { name: 'Zaaksysteem', status: 'legacy', layer: 'process' });
    const file = csv([['Naam', 'Status', 'Laag'], ['Zaaksysteem', 'Common Ground', 'Data'], ['Portaal', 'In transitie', 'Interactie']]);
    const report = (await upload('GM0268', file, 'mode=commit').expect(200)).body;
    expect(report.importId).toEqual(expect.any(String));
    expect((await inventory('GM0268')).map((a) => a.name)).toEqual(['Portaal', 'Zaaksysteem']);

    const undone = await editor.post(`/api/v1/municipalities/GM0268/imports/${report.importId}/undo`).expect(200);
    expect(undone.body).toEqual({ id: report.importId, deleted: 1, restored: 1 });
    expect(await inventory('GM0268')).toEqual([expect.objectContaining({ id: kept.id, name: 'Zaaksysteem', status: 'legacy', layer: 'process' })]);
    const history = (await editor.get(`/api/v1/applications/${kept.id}/history`).expect(200)).body.items;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['updated', 'updated', 'created']);
    const audit = await harness.db()('audit_events').where({ municipality_code: 'GM0268', action: 'applications.import-undone' });
    expect(audit).toHaveLength(1);

    const again = await editor.post(`/api/v1/municipalities/GM0268/imports/${report.importId}/undo`).set('Accept-Language', 'en').expect(409);
    expect(again.body).toMatchObject({ code: 'imports.undoneAlready' });
  });

  it('when an application of the import was changed since, then undoing is refused with a 409 that names it, and nothing changes', async () => {
    const file = csv([['Naam', 'Status'], ['Alfa', 'Legacy'], ['Beta', 'Legacy']]);
    const report = (await upload('GM0307', file, 'mode=commit').expect(200)).body;
    const beta = (await inventory('GM0307')).find((a) => a.name === 'Beta')!;
    const etag = (await editor.get(`/api/v1/applications/${beta.id}`).expect(200)).headers.etag!;
    await editor.patch(`/api/v1/applications/${beta.id}`).set('If-Match', etag).send({ layer: 'data' }).expect(200);

    const res = await editor.post(`/api/v1/municipalities/GM0307/imports/${report.importId}/undo`).expect(409);
    expect(res.body).toMatchObject({
      code: 'imports.changedSinceImport',
      detail: 'Deze import kan niet meer ongedaan worden gemaakt: Beta is daarna nog gewijzigd. Maak die wijziging eerst zelf ongedaan.',
    });
    expect((await inventory('GM0307')).map((a) => a.name)).toEqual(['Alfa', 'Beta']);
  });

  it('when the import is unknown or of another municipality, then 404', async () => {
    await editor.post(`/api/v1/municipalities/GM0307/imports/${crypto.randomUUID()}/undo`).expect(404);
  });
});
