import type supertest from 'supertest';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';

const { api, signIn } = useTestApp();
let editor: supertest.Agent;
/** A moment between two rounds of changes: the reports of it must not see the second. */
let between: string;

const percent = (locale: string, share: number) =>
  new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);

/** A binary response collected whole (supertest would otherwise try to read a PDF as text). */
function binary(res: supertest.Response, callback: (error: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}

/** The PDF's text per page, as a reader's copy and paste would give it. */
async function pagesOf(pdf: Buffer): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, ' '));
}

async function report(agent: supertest.Agent, path: string) {
  const res = await agent.get(path).buffer(true).parse(binary).expect(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return { res, pages: await pagesOf(res.body as Buffer) };
}

async function create(code: string, body: Record<string, unknown>) {
  await editor.post(`/api/v1/municipalities/${code}/applications`).send(body).expect(201);
}

beforeAll(async () => {
  editor = (await signIn({ role: 'editor', municipalityCodes: ['GM0546', 'GM0599'] })).agent;
  await create('GM0546', { name: 'Zaaksysteem', status: 'compliant', inUseSince: '2018-01-01', plannedReplacementYear: null });
  await create('GM0546', { name: 'Burgerzaken', status: 'legacy', inUseSince: '2018-01-01', plannedReplacementYear: 2027 });
  await create('GM0599', { name: 'Belastingen', status: 'legacy', inUseSince: '2018-01-01' });
  await new Promise((resolve) => setTimeout(resolve, 20));
  between = new Date().toISOString();
  await new Promise((resolve) => setTimeout(resolve, 20));
  await create('GM0599', { name: 'OpenZaak', status: 'compliant', inUseSince: '2020-01-01' });
  await create('GM0599', { name: 'Mijn Gemeente', status: 'compliant', inUseSince: '2020-01-01' });
});

describe('reports', () => {
  it('when the board asks for the national report of a moment, then it states the share the API gives for that moment, with the date and freshness on every page', async () => {
    const then = (await api().get(`/api/v1/progress/national?knownAt=${between}`).expect(200)).body;
    const now = (await api().get('/api/v1/progress/national').expect(200)).body;
    expect(then.summary.share).not.toBe(now.summary.share);

    const { res, pages } = await report(api(), `/api/v1/reports/national?knownAt=${between}`);
    expect(res.headers['content-language']).toBe('nl');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="transitiemonitor-landelijk-\d{4}-\d{2}-\d{2}\.pdf"/);
    const text = pages.join(' ');
    expect(text).toContain(percent('nl-NL', then.summary.share));
    expect(text).not.toContain(percent('nl-NL', now.summary.share));
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) {
      expect(page).toMatch(/Stand per \d+ \w+ \d{4}/);
      expect(page).toContain(`Actuele inventarissen: ${then.summary.freshCount} van ${then.distribution.municipalities.length} gemeenten die hun inventaris`);
    }
  });

  it('when the board asks for the national report of today, then it names the products that hold municipalities back, as the blocking-products API gives them', async () => {
    const blockers = (await api().get('/api/v1/blocking-products?pageSize=15').expect(200)).body;
    expect(blockers.items.map((b: { name: string }) => b.name)).toEqual(expect.arrayContaining(['Burgerzaken', 'Belastingen']));
    const text = (await report(api(), '/api/v1/reports/national')).pages.join(' ');
    expect(text).toContain('Producten die gemeenten tegenhouden');
    for (const blocker of blockers.items) expect(text).toContain(blocker.name);
    const dated = (await report(api(), `/api/v1/reports/national?knownAt=${between}`)).pages.join(' ');
    expect(dated).not.toContain('Producten die gemeenten tegenhouden');
  });

  it('when the same moment is asked twice, then the report gives the same figures, kept until a figure changes', async () => {
    const first = await report(api(), `/api/v1/reports/national?knownAt=${between}`);
    const kept = await report(api(), `/api/v1/reports/national?knownAt=${between}`);
    expect(kept.res.body).toEqual(first.res.body);
    await create('GM0546', { name: 'Later', status: 'compliant', inUseSince: '2019-01-01' });
    const second = await report(api(), `/api/v1/reports/national?knownAt=${between}`);
    expect(second.pages).toEqual(first.pages);
  });

  it('when a CIO asks in English with a token, then the municipality report is in English with its figures and attestation', async () => {
    const cio = await signIn({ role: 'editor', municipalityCodes: ['GM0599'] });
    const token = (await cio.agent.post('/api/v1/users/current/tokens').send({ name: 'Raadsrapport' }).expect(201)).body.token as string;
    await cio.agent.post('/api/v1/municipalities/GM0599/attestations').send({}).expect(201);
    const progress = (await api().get('/api/v1/municipalities/GM0599/progress').expect(200)).body;

    const tokenAgent = api().set('Authorization', `Bearer ${token}`);
    const { res, pages } = await report(tokenAgent, '/api/v1/municipalities/GM0599/report?lang=en');
    expect(res.headers['content-language']).toBe('en');
    const text = pages.join(' ');
    expect(text).toContain(percent('en-GB', progress.summary.share));
    expect(text).toContain('Rotterdam');
    expect(text).toContain('Plan against need, per year');
    for (const page of pages) expect(page).toMatch(/As known at \d+ \w+ \d{4}.*Confirmed on \d+ \w+ \d{4}; current until/);

    // The plan is known for today's inventory only: a dated report leaves it out, and says so.
    const dated = (await report(tokenAgent, `/api/v1/municipalities/GM0599/report?lang=en&knownAt=${between}`)).pages.join(' ');
    expect(dated).not.toContain('Plan against need, per year');
    expect(dated).toContain('known only for the inventory of today');
    expect(dated).toContain('This inventory has never been confirmed.');
  });

  it('when the input is bad, then 400 names the field; an unknown municipality is 404', async () => {
    const future = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const bad = await api().get(`/api/v1/reports/national?knownAt=${future}&lang=fr&colour=red`).expect(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['colour', 'knownAt', 'lang']);

    const before = await api().get('/api/v1/reports/national?knownAt=2001-01-01').expect(400);
    expect(before.body.errors).toEqual([
      {
        path: 'knownAt',
        code: 'reports.nothingRecordedBy',
        message: expect.stringMatching(/^Op 2001-01-01 was er nog niets vastgelegd: de eerste cijfers zijn vastgelegd op \d{4}-\d{2}-\d{2}\.$/),
      },
    ]);
    const none = await api().get('/api/v1/municipalities/GM0363/report?knownAt=2025-01-01').expect(400);
    expect(none.body.errors).toEqual([
      { path: 'knownAt', code: 'reports.nothingRecordedFor', message: 'Er is voor GM0363 nog niets vastgelegd: er zijn geen cijfers om over te rapporteren.' },
    ]);

    await api().get('/api/v1/municipalities/GM0001/report').expect(404);
    await api().get('/api/v1/municipalities/GM12/report').expect(400);
  });
});
