import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '@tm/shared/dates';
import { useTestApp } from '../../../test/harness.ts';
import { csv, readXlsx, windows1252, xlsx, zipBomb } from '../../../test/spreadsheets.ts';

const harness = useTestApp();
const CODES = ['GM0546', 'GM0547', 'GM0014', 'GM0599', 'GM0363', 'GM0344', 'GM0553', 'GM0518', 'GM0080', 'GM0168', 'GM0503'];
let editor: supertest.Agent;
beforeAll(async () => {
  editor = (await harness.signIn({ role: 'editor', municipalityCodes: CODES })).agent;
});
/** Everything here is done by an editor of the municipalities the tests use, unless a test says otherwise. */
const api = () => editor;

type Report = {
  rows: number;
  applications: number;
  created: number;
  updated: number;
  unchanged: number;
  defaultedToLegacy: number;
  committed: boolean;
  missing: { id: string; name: string }[];
  phasedOut: number;
  ignoredColumns: string[];
  errors: { row: number; column: string | null; message: string }[];
};

function upload(code: string, file: Buffer | string, filename: string, query = 'mode=dry-run') {
  return api()
    .post(`/api/v1/municipalities/${code}/imports?${query}`)
    .attach('file', typeof file === 'string' ? Buffer.from(file, 'utf8') : file, filename);
}

async function dryRun(code: string, file: Buffer | string, filename = 'inventaris.xlsx'): Promise<Report> {
  const res = await upload(code, file, filename);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Report;
}

async function commit(code: string, file: Buffer | string, filename = 'inventaris.xlsx', extra = ''): Promise<Report> {
  const res = await upload(code, file, filename, `mode=commit${extra}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Report;
}

async function inventory(code: string) {
  const res = await api().get(`/api/v1/municipalities/${code}/applications?pageSize=500`).expect(200);
  return res.body.items as Record<string, unknown>[];
}

async function referenceComponentId(name: string): Promise<string> {
  const res = await api().get('/api/v1/reference-components').expect(200);
  return res.body.items.find((c: { name: string }) => c.name === name).id;
}

/** Keeps a download as the bytes that were sent. */
function binary(res: supertest.Response, done: (error: Error | null, body: Buffer) => void): void {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

const DUTCH_HEADER = ['Naam', 'Leverancier', 'Referentiecomponenten', 'Laag', 'Status', 'Gebruiksstatus', 'Ingangsdatum', 'Gepland vervangjaar', 'Jaarlijkse kosten', 'Opmerkingen'];

describe('importing a spreadsheet', () => {
  it('when a Dutch XLSX with diacritics, blank rows, Dutch numbers and Excel dates is dry-run and then committed, then the commit writes what the dry run announced', async () => {
    const file = await xlsx([
      DUTCH_HEADER,
      ['Zaaksysteem Sleutelstad', 'Fictief B.V.', 'Zaakregistratiecomponent', 'Proces', 'Legacy', 'In productie', new Date(Date.UTC(2019, 2, 1)), 2027, '12.500,50', 'Koppeling met één loket'],
      [],
      ['Burgerzaken Süd', 'Gemeentelijke Software Coöperatie', 'Burgerzakencomponent; Zaakregistratiecomponent', 'Data', 'Common Ground', 'Uit te faseren', 43466, null, 1234.5, null],
      ['  ', null, null, null, null, null, null, null, null, null],
      ['Nieuw portaal', null, null, 'interaction', 'in_transition', 'Gepland', '15-06-23', '2028', '€ 1.000', null],
    ]);

    const report = await dryRun('GM0546', file);
    expect(report).toMatchObject({ rows: 3, applications: 3, created: 3, updated: 0, unchanged: 0, errors: [], committed: false, defaultedToLegacy: 0 });
    expect(await inventory('GM0546')).toHaveLength(0);

    const committed = await commit('GM0546', file);
    expect(committed).toMatchObject({ rows: 3, created: 3, committed: true, errors: [] });
    const items = await inventory('GM0546');
    const zaak = await referenceComponentId('Zaakregistratiecomponent');
    const burgerzaken = await referenceComponentId('Burgerzakencomponent');
    expect(items.find((a) => a.name === 'Zaaksysteem Sleutelstad')).toMatchObject({
      vendor: 'Fictief B.V.',
      referenceComponentIds: [zaak],
      layer: 'process',
      status: 'legacy',
      lifecycle: 'in_production',
      inUseSince: '2019-03-01',
      plannedReplacementYear: 2027,
      annualCost: 12500.5,
      notes: 'Koppeling met één loket',
    });
    expect(items.find((a) => a.name === 'Burgerzaken Süd')).toMatchObject({
      vendor: 'Gemeentelijke Software Coöperatie',
      referenceComponentIds: [burgerzaken, zaak].sort(),
      status: 'compliant',
      lifecycle: 'phasing_out',
      inUseSince: '2019-01-01',
      annualCost: 1234.5,
    });
    const portal = items.find((a) => a.name === 'Nieuw portaal')!;
    expect(portal).toMatchObject({ layer: 'interaction', status: 'in_transition', lifecycle: 'planned', plannedReplacementYear: 2028, annualCost: 1000, inUseSince: null });
    const history = await api().get(`/api/v1/applications/${portal.id}/history`).expect(200);
    expect(history.body.items).toMatchObject([{ action: 'created', effectiveDate: '2023-06-15' }]);
  });

  it('when rows are wrong in every way, then the dry run lists each error with its spreadsheet row and column', async () => {
    const existing = await api().post('/api/v1/municipalities/GM0014/applications').send({ name: 'Bestaand', vendor: 'X' }).expect(201);
    const file = await xlsx([
      ['ID', 'Gemeente CBS', ...DUTCH_HEADER],
      ['', '14', 'Goed', 'X', null, null, null, null, null, null, null, null],
      [],
      ['', 'GM0014', '', 'X', null, 'Wolk', 'Prima', 'Ooit', null, null, null, null],
      ['', '0014', 'Fout 1', null, 'Geen Component', null, null, null, 'gisteren', 'volgend jaar', 'veel', null],
      ['', 'GM0363', 'Andere gemeente', null, null, null, null, null, null, null, null, null],
      ['niet-een-id', null, 'Fout 2', null, null, null, null, null, '01-01-2999', 1850, -5, null],
      ['7c9e6679-7425-40de-944b-e07fc1f90ae7', null, 'Onbekend id', null, null, null, null, null, null, null, null, null],
      ['', null, 'Dubbel', 'Y', null, 'Data', null, null, null, null, null, null],
      ['', null, 'dubbel', 'Y', null, 'Proces', null, null, null, null, null, null],
      [existing.body.id, null, 'Bestaand', 'X', null, null, null, null, null, null, null, 'x'.repeat(4001)],
      ['', null, 'x'.repeat(201), null, null, null, null, null, null, null, null, null],
    ]);
    const report = await dryRun("GM0014", file);
    expect(report.rows).toBe(10);
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([
      [4, 'Naam'],
      [4, 'Laag'],
      [4, 'Status'],
      [4, 'Gebruiksstatus'],
      [5, 'Referentiecomponenten'],
      [5, 'Ingangsdatum'],
      [5, 'Gepland vervangjaar'],
      [5, 'Jaarlijkse kosten'],
      [6, 'Gemeente CBS'],
      [7, 'ID'],
      [7, 'Ingangsdatum'],
      [7, 'Gepland vervangjaar'],
      [7, 'Jaarlijkse kosten'],
      [8, 'ID'],
      [10, 'Laag'],
      [11, 'Opmerkingen'],
      [12, 'Naam'],
    ]);
    const messages = Object.fromEntries(report.errors.map((e) => [`${e.row}:${e.column}`, e.message]));
    expect(messages['4:Laag']).toMatch(/"Wolk".*Interactie, Proces, Integratie, Services of Data/);
    expect(messages['5:Referentiecomponenten']).toMatch(/Geen Component/);
    expect(messages['6:Gemeente CBS']).toMatch(/GM0363, niet bij GM0014/);
    expect(messages['7:Ingangsdatum']).toMatch(/toekomst/);
    expect(messages['10:Laag']).toBe('Rij 9 beschrijft dezelfde applicatie met "Data"; deze rij zegt "Proces".');
    expect(report.created + report.updated + report.unchanged).toBeLessThan(report.applications);
  });

  it('when a commit has one bad row among good ones, then 422 carries the report and nothing is written', async () => {
    const file = await xlsx([
      ['Naam', 'Laag'],
      ['Een', 'Data'],
      ['Twee', 'Wolk'],
      ['Drie', 'Proces'],
    ]);
    const res = await upload('GM0599', file, 'inventaris.xlsx', 'mode=commit');
    expect(res.status).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 422, committed: false, rows: 3, errors: [{ row: 3, column: 'Laag' }] });
    expect(res.body.detail).toBe('Er is niets geïmporteerd: het bestand bevat 1 fout.');
    expect(await inventory('GM0599')).toHaveLength(0);
  });

  it('when the same file is imported twice, then the second import changes nothing and writes no history', async () => {
    const file = csv([
      ['Naam', 'Leverancier', 'Status', 'Jaarlijkse kosten', 'Gepland vervangjaar', 'Referentiecomponenten'],
      ['Alfa', 'Leverancier A', 'Legacy', '1.234,56', '2027', 'Zaakregistratiecomponent'],
      ['Bravo', '', 'Common Ground', '', '', ''],
      ['Charlie', 'Leverancier C', 'In transitie', '99,9', '2026', 'Documentregistratiecomponent;Zaakregistratiecomponent'],
    ]);
    expect(await commit('GM0363', file, 'inventaris.csv')).toMatchObject({ created: 3, unchanged: 0 });
    const before = await inventory('GM0363');
    const again = await commit('GM0363', file, 'inventaris.csv');
    expect(again).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3, errors: [], missing: [] });
    const after = await inventory('GM0363');
    expect(after.map((a) => [a.id, a.updatedAt])).toEqual(before.map((a) => [a.id, a.updatedAt]));
    const history = await api().get(`/api/v1/applications/${after[0]!.id}/history`).expect(200);
    expect(history.body.total).toBe(1);
  });

  it('when a file changes a status with an effective date and leaves one application out, then the update is back-dated and the left-out one is reported, or phased out on request', async () => {
    const first = csv([['Naam', 'Leverancier', 'Status', 'Ingangsdatum'], ['Oud', 'V', 'Legacy', '01-01-2020'], ['Blijft', 'V', 'Legacy', '01-01-2020'], ['Weg', 'V', 'Legacy', '01-01-2020']]);
    await commit('GM0344', first, 'a.csv');
    const second = csv([['Naam', 'Leverancier', 'Status', 'Ingangsdatum'], ['Oud', 'V', 'Common Ground', '01-02-2024'], ['Blijft', 'V', 'Legacy', '01-02-2024']]);
    const dry = await dryRun('GM0344', second, 'b.csv');
    expect(dry).toMatchObject({ updated: 1, unchanged: 1, phasedOut: 0, missing: [{ name: 'Weg' }] });

    const done = await commit('GM0344', second, 'b.csv', '&missing=phase-out');
    expect(done).toMatchObject({ updated: 1, unchanged: 1, phasedOut: 1, missing: [{ name: 'Weg' }] });
    const items = await inventory('GM0344');
    const oud = items.find((a) => a.name === 'Oud')!;
    expect(oud.status).toBe('compliant');
    const history = await api().get(`/api/v1/applications/${oud.id}/history`).expect(200);
    expect(history.body.items[0]).toMatchObject({ effectiveDate: '2024-02-01', before: { status: 'legacy' }, after: { status: 'compliant' } });
    expect(items.find((a) => a.name === 'Weg')).toMatchObject({ lifecycle: 'phased_out', retiredAt: todayIso() });
    expect(items.find((a) => a.name === 'Blijft')).toMatchObject({ status: 'legacy', lifecycle: 'in_production' });
  });
});

describe('the Softwarecatalogus portfolio export', () => {
  const header = ['Gemeente CBS', 'Gemeente Naam', 'Gebruik Status', 'Gebruik Datum ingang status', 'Leverancier Naam', 'Pakket Naam', 'Pakketversie Naam', 'Referentiecomponenten naam'];

  it('when its ;-separated Windows-1252 CSV is imported, then rows of one package version merge, statuses map and every application is legacy', async () => {
    const text = csv([
      header,
      ['547', 'Leiderdorp', 'In productie', '01-03-2018', 'Centric', 'Suite voor Sociaal Domein', '4.2', 'Zaakregistratiecomponent'],
      ['GM0547', 'Leiderdorp', 'In productie', '01-03-2018', 'Centric', 'Suite voor Sociaal Domein', '4.2', 'Documentregistratiecomponent'],
      ['0547', 'Leiderdorp', 'Verwerving', '', 'Coöperatie Ö', 'Klantportaal', '1.0', 'Klantfeedbackcomponent'],
      ['0547', 'Leiderdorp', 'Uitgefaseerd', '31-12-22', 'Oud & Co', 'Archiefsysteem', '', 'Documentregistratiecomponent'],
    ]);
    const report = await commit('GM0547', windows1252(text), 'portfolio.csv');
    expect(report).toMatchObject({ rows: 4, applications: 3, created: 3, defaultedToLegacy: 3, errors: [], ignoredColumns: ['Gemeente Naam'] });
    const items = await inventory('GM0547');
    const suite = items.find((a) => a.name === 'Suite voor Sociaal Domein')!;
    expect(suite).toMatchObject({ vendor: 'Centric', version: '4.2', status: 'legacy', lifecycle: 'in_production', inUseSince: '2018-03-01' });
    expect(suite.referenceComponentIds).toHaveLength(2);
    expect(items.find((a) => a.name === 'Klantportaal')).toMatchObject({ vendor: 'Coöperatie Ö', lifecycle: 'planned' });
    expect(items.find((a) => a.name === 'Archiefsysteem')).toMatchObject({ lifecycle: 'phased_out', retiredAt: '2022-12-31' });

    // Saved again by Excel as UTF-8 with a byte-order mark: the same file, so nothing changes.
    const again = await commit('GM0547', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'portfolio.csv');
    expect(again).toMatchObject({ applications: 3, created: 0, updated: 0, unchanged: 3 });
  });

  it('when a row belongs to another municipality or two versions of one package conflict, then each is an error with row and column', async () => {
    const text = csv([
      header,
      ['GM0363', 'Amsterdam', 'In productie', '01-01-2020', 'X', 'Pakket', '1', 'Zaakregistratiecomponent'],
      ['0553', 'Lisse', 'In productie', '01-01-2020', 'X', 'Pakket', '1', 'Zaakregistratiecomponent'],
      ['0553', 'Lisse', 'In productie', '01-01-2020', 'X', 'Pakket', '2', 'Zaakregistratiecomponent'],
    ]);
    const report = await dryRun("GM0553", text, "portfolio.csv");
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Gemeente CBS'],
      [4, 'Pakketversie Naam'],
    ]);
  });
});

describe('exporting', () => {
  it('when the inventory is exported as XLSX or CSV and imported again, then nothing changes; formulas are neutralised', async () => {
    const zaak = await referenceComponentId('Zaakregistratiecomponent');
    for (const body of [
      { name: '=HYPERLINK("http://evil.example","klik")', vendor: '+31 Software', layer: 'data', status: 'compliant', annualCost: 1234.56, referenceComponentIds: [zaak], notes: '@melding\nregel 2' },
      { name: 'Gewoon; met puntkomma', vendor: null, version: '1.10', lifecycle: 'phasing_out', plannedReplacementYear: 2026 },
      { name: '-min', product: '\tverborgen', status: 'in_transition' },
    ])
      await api().post('/api/v1/municipalities/GM0518/applications').send(body).expect(201);

    const csvRes = await api().get('/api/v1/municipalities/GM0518/applications?format=csv').buffer(true).parse(binary).expect(200);
    expect(csvRes.headers['content-type']).toMatch(/text\/csv/);
    expect(csvRes.headers['content-disposition']).toMatch(/attachment; filename="applicaties-GM0518-.*\.csv"/);
    const text = (csvRes.body as Buffer).toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toMatch(/^\uFEFFID;Naam;Leverancier;Product;Versie;Referentiecomponenten;Laag;Status;Gebruiksstatus;Gepland vervangjaar;Jaarlijkse kosten;Opmerkingen;Laatst gewijzigd\r\n/);
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""klik"")"`);
    expect(text).toContain("'+31 Software");
    expect(text).toContain("'-min");
    expect(text).toContain('1234,56');
    expect(text).not.toMatch(/[;\n]=/);

    const xlsxRes = await api().get('/api/v1/municipalities/GM0518/applications?format=xlsx').buffer(true).parse(binary).expect(200);
    const workbook = await readXlsx(xlsxRes.body as Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toContain('Jaarlijkse kosten');
    const names = sheet.getColumn(2).values.slice(2);
    expect(names).toContain(`'=HYPERLINK("http://evil.example","klik")`);

    expect(await commit('GM0518', xlsxRes.body as Buffer, 'export.xlsx')).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3, errors: [] });
    expect(await commit('GM0518', Buffer.from(text, 'utf8'), 'export.csv')).toMatchObject({ rows: 3, created: 0, updated: 0, unchanged: 3, errors: [] });
    const items = await inventory('GM0518');
    expect(items.map((a) => a.name).sort()).toEqual(['-min', '=HYPERLINK("http://evil.example","klik")', 'Gewoon; met puntkomma']);
  });

  it('when filters are given, then the export holds every match and no more; a bad format is 400', async () => {
    for (let i = 0; i < 60; i++)
      await api().post('/api/v1/municipalities/GM0080/applications').send({ name: `App ${i}`, status: i % 2 ? 'compliant' : 'legacy' }).expect(201);
    const res = await api().get('/api/v1/municipalities/GM0080/applications?format=csv&status=compliant&pageSize=10').expect(200);
    expect(res.text.trim().split('\r\n')).toHaveLength(31);
    await api().get('/api/v1/municipalities/GM0080/applications?format=pdf').expect(400)
      .expect((r) => expect(r.body.errors).toEqual([expect.objectContaining({ path: 'format' })]));
    await api().get('/api/v1/municipalities/GM9999/applications?format=csv').expect(404);
  });

  it('when the template is downloaded, then it has the columns, drop-down lists and an example row that imports cleanly', async () => {
    const res = await api().get('/api/v1/import-template').buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toMatch(/spreadsheetml/);
    const workbook = await readXlsx(res.body as Buffer);
    const sheet = workbook.getWorksheet('Applicaties')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Naam', 'Leverancier', 'Product', 'Versie', ...DUTCH_HEADER.slice(2)]);
    const layerColumn = (sheet.getRow(1).values as unknown[]).indexOf('Laag');
    const validation = sheet.getCell(5, layerColumn).dataValidation;
    expect(validation).toMatchObject({ type: 'list', formulae: ['"Interactie,Proces,Integratie,Services,Data"'] });
    expect(workbook.getWorksheet('Referentiecomponenten')!.getCell('A1').value).toBeTruthy();
    expect(await dryRun('GM0168', res.body as Buffer, 'sjabloon.xlsx')).toMatchObject({ rows: 1, created: 1, errors: [] });
  });
});

describe('files that are not an inventory', () => {
  const cases: [string, number, () => Promise<Buffer> | Buffer, string, RegExp][] = [
    ['a PDF', 415, () => Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\n'), 'inventaris.pdf', /PDF/],
    ['an old .xls', 415, () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'inventaris.xls', /\.xls/],
    ['a binary renamed .csv', 415, () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), 'inventaris.csv', /binaire/],
    ['an empty file', 422, () => Buffer.alloc(0), 'inventaris.csv', /leeg/],
    ['a CSV without a header', 422, () => Buffer.from('\r\nAlfa;Legacy\r\n'), 'inventaris.csv', /Rij 1/],
    ['a CSV whose header names nothing known', 422, () => Buffer.from('Kleur;Maat\r\nrood;XL\r\n'), 'inventaris.csv', /kolomnamen in rij 1/],
    ['a file without a name column', 422, () => Buffer.from('Status;Laag\r\nLegacy;Data\r\n'), 'inventaris.csv', /naam van de applicatie/],
    ['a damaged XLSX', 422, async () => (await xlsx([['Naam'], ['A']])).subarray(0, 600), 'inventaris.xlsx', /beschadigd/],
    ['a zip bomb', 413, () => zipBomb(200 * 1024 * 1024), 'inventaris.xlsx', /pakt uit/],
    ['a zip bomb that lies about its size', 413, () => zipBomb(200 * 1024 * 1024, 1000), 'inventaris.xlsx', /pakt uit/],
    ['a CSV with more than 20,000 rows', 413, () => Buffer.from(['Naam', ...Array.from({ length: 20_001 }, (_, i) => `App ${i}`)].join('\n')), 'groot.csv', /20\.000/],
    ['a file over 10 MB', 413, () => Buffer.alloc(10 * 1024 * 1024 + 1, 'a'), 'groot.csv', /10 MB/],
  ];
  it.each(cases)('when it is %s, then a clear problem with status %i', async (_what, status, make, filename, detail) => {
    const res = await upload('GM0546', await make(), filename, 'mode=commit');
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.detail).toMatch(detail);
  });

  it('when the request is not multipart, has no file, a bad mode or an unknown municipality, then a 4xx names it', async () => {
    await api().post('/api/v1/municipalities/GM0546/imports').send({ file: 'x' }).expect(415);
    await api().post('/api/v1/municipalities/GM0546/imports').field('note', 'x').expect(400)
      .expect((r) => expect(r.body.errors).toEqual([{ path: 'file', code: 'validation.required', message: 'Vul dit veld in.' }]));
    await api().post('/api/v1/municipalities/GM0546/imports').attach('bestand', Buffer.from('Naam\nA'), 'a.csv').expect(400);
    await api().post('/api/v1/municipalities/GM0546/imports?mode=now&missing=delete').attach('file', Buffer.from('Naam\nA'), 'a.csv').expect(400)
      .expect((r) => expect(r.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['missing', 'mode']));
    // Nobody edits a municipality that does not exist.
    await upload('GM9999', 'Naam\nA', 'a.csv').expect(403);
  });
});

describe('who may import and export', () => {
  it('when an anonymous caller or a viewer imports, or an anonymous caller exports, then 401 or 403 and nothing is read', async () => {
    await harness.api().post('/api/v1/municipalities/GM0546/imports').attach('file', Buffer.from('Naam\nA'), 'a.csv').expect(401);
    const viewer = await harness.signIn({ role: 'viewer' });
    await viewer.agent.post('/api/v1/municipalities/GM0546/imports').attach('file', Buffer.from('Naam\nA'), 'a.csv').expect(403);
    const otherEditor = await harness.signIn({ role: 'editor', municipalityCodes: ['GM0014'] });
    await otherEditor.agent.post('/api/v1/municipalities/GM0546/imports').attach('file', Buffer.from('Naam\nA'), 'a.csv').expect(403);
    await harness.api().get('/api/v1/municipalities/GM0546/applications?format=csv').expect(401);
    await viewer.agent.get('/api/v1/municipalities/GM0546/applications?format=csv').expect(200);
  });

  it('when a commit succeeds, then the audit trail has one entry for the import, not one per application', async () => {
    const before = await harness.db()('audit_events').where({ municipality_code: 'GM0168' }).count<{ n: number }[]>('* as n');
    await commit('GM0168', csv([['Naam'], ['Een'], ['Twee'], ['Drie']]), 'drie.csv');
    await commit('GM0168', csv([['Naam', 'Status'], ['Een', 'Common Ground'], ['Twee', 'Common Ground'], ['Drie', 'Legacy']]), 'drie.csv');
    const entries = await harness.db()('audit_events').where({ municipality_code: 'GM0168' }).orderBy('id');
    expect(entries.length - Number(before[0]!.n)).toBe(2);
    expect(entries.at(-1)).toMatchObject({ action: 'applications.imported', entity_id: 'GM0168', after: { file: 'drie.csv', rows: 3, created: 0, updated: 2, unchanged: 1 } });
  });
});

describe('dashboards after an import', () => {
  it('when an import is committed, then the municipality progress counts the imported applications at once', async () => {
    await commit('GM0503', csv([['Naam', 'Status', 'Gebruiksstatus'], ['Een', 'Common Ground', 'In productie'], ['Twee', 'Legacy', 'In productie'], ['Drie', 'Common Ground', 'Gepland']]), 'delft.csv');
    const progress = await harness.api().get('/api/v1/municipalities/GM0503/progress').expect(200);
    expect(progress.body.summary).toMatchObject({ landscapeCount: 2, compliantCount: 1 });
  });
});
