import { randomUUID } from 'node:crypto';
import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Application } from '@tm/shared/schemas/application';
import type { Suggestion } from '@tm/shared/schemas/suggestion';
import { useTestApp } from '../../../test/harness.ts';

/** PRODUCT §9, suggestions: where a municipality's own status departs from the verified judgement of its version. */
const { api, signIn } = useTestApp();
let leiden: supertest.Agent;
let leiderdorp: supertest.Agent;
let steward: supertest.Agent;
let viewer: supertest.Agent;
beforeAll(async () => {
  leiden = (await signIn({ role: 'editor', municipalityCodes: ['GM0546'] })).agent;
  leiderdorp = (await signIn({ role: 'editor', municipalityCodes: ['GM0547'] })).agent;
  steward = (await signIn({ role: 'steward' })).agent;
  viewer = (await signIn({ role: 'viewer' })).agent;
});

/** A product of this test alone, so that tests sharing the database see only their own suggestions. */
const productOfTest = (name: string) => `${name} ${randomUUID().slice(0, 8)}`;

async function create(editor: supertest.Agent, code: string, body: Record<string, unknown>): Promise<Application> {
  return (await editor.post(`/api/v1/municipalities/${code}/applications`).send({ vendor: 'Kwakkel B.V.', inUseSince: '2020-01-01', ...body }).expect(201)).body;
}

async function judge(by: supertest.Agent, versionId: string, body: Record<string, unknown>): Promise<{ id: string; effectiveDate: string }> {
  return (await by.post(`/api/v1/product-versions/${versionId}/assessments`).send({ evidence: 'https://example.nl/beoordeling', ...body }).expect(201)).body;
}

async function suggestionsOf(code: string, product: string): Promise<Suggestion[]> {
  const res = await viewer.get(`/api/v1/municipalities/${code}/suggestions?pageSize=500`).expect(200);
  return (res.body.items as Suggestion[]).filter((s) => s.product.name === product);
}

const offered = (s: Suggestion) => ({ applicationId: s.applicationId, assessmentId: s.assessmentId, updatedAt: s.updatedAt });

async function historyOf(id: string) {
  return (await viewer.get(`/api/v1/applications/${id}/history`).expect(200)).body.items as { action: string; effectiveDate: string; before: unknown; after: unknown }[];
}

describe('suggestions', () => {
  it('when a steward verifies a version, then each municipality running it against the verdict gets a suggestion, and a claim alone gives none', async () => {
    const product = productOfTest('Zaaksuite');
    const legacy = await create(leiden, 'GM0546', { name: 'Zaken', product, version: '5.2' });
    const transition = await create(leiden, 'GM0546', { name: 'Zaken test', product, version: '5.2', status: 'in_transition' });
    await create(leiden, 'GM0546', { name: 'Zaken oud', product, version: '5.2', lifecycle: 'phased_out' });
    await create(leiderdorp, 'GM0547', { name: 'Zaken', product, version: '5.2', status: 'compliant' });
    const versionId = legacy.productVersionId!;

    await judge(leiden, versionId, { verdict: 'compliant', effectiveDate: '2023-01-01' });
    expect(await suggestionsOf('GM0546', product)).toEqual([]);

    const verified = await judge(steward, versionId, { verdict: 'compliant', effectiveDate: '2024-03-01' });
    const leidens = await suggestionsOf('GM0546', product);
    expect(leidens).toEqual([
      expect.objectContaining({ applicationId: legacy.id, productVersionId: versionId, status: 'legacy', suggestedStatus: 'compliant', effectiveDate: '2024-03-01', assessmentId: verified.id, applicationName: 'Zaken', version: '5.2' }),
      expect.objectContaining({ applicationId: transition.id, status: 'in_transition', suggestedStatus: 'compliant' }),
    ]);
    expect(await suggestionsOf('GM0547', product)).toEqual([]);

    // Verified not compliant: the municipality that reports it compliant is told, the others agree now.
    const refuted = await judge(steward, versionId, { verdict: 'not_compliant', effectiveDate: '2024-06-01' });
    expect(await suggestionsOf('GM0546', product)).toEqual([]);
    expect(await suggestionsOf('GM0547', product)).toEqual([expect.objectContaining({ status: 'compliant', suggestedStatus: 'legacy', assessmentId: refuted.id })]);
  });

  it('when an editor accepts all suggestions, then each application takes the suggested status from the assessment’s date, in one audited change', async () => {
    const product = productOfTest('Burgerzaken');
    const apps = [await create(leiden, 'GM0546', { name: 'Burgerzaken A', product }), await create(leiden, 'GM0546', { name: 'Burgerzaken B', product })];
    await judge(steward, apps[0]!.productVersionId!, { verdict: 'compliant', effectiveDate: '2024-03-01' });
    const suggestions = await suggestionsOf('GM0546', product);
    expect(suggestions).toHaveLength(2);

    const res = await leiden.post('/api/v1/municipalities/GM0546/suggestions/acceptances').send({ suggestions: suggestions.map(offered) }).expect(200);
    expect(res.body.accepted).toBe(2);
    expect(res.body.applications.map((a: Application) => [a.id, a.status])).toEqual(apps.map((a) => [a.id, 'compliant']));
    for (const app of apps) {
      const history = await historyOf(app.id);
      expect(history).toHaveLength(2);
      expect(history[0]).toMatchObject({ action: 'updated', effectiveDate: '2024-03-01', before: { status: 'legacy' }, after: { status: 'compliant' } });
    }
    expect(await suggestionsOf('GM0546', product)).toEqual([]);
    const trail = await leiden.get('/api/v1/municipalities/GM0546/audit-events').expect(200);
    expect(trail.body.items[0]).toMatchObject({ action: 'suggestions.accepted', entityId: 'GM0546' });
    expect(trail.body.items[0].after.suggestions.map((s: { applicationId: string }) => s.applicationId).sort()).toEqual(apps.map((a) => a.id).sort());
  });

  it('when an editor accepts one suggestion on a date of their own, then only that application changes, from that date', async () => {
    const product = productOfTest('Parkeren');
    const [chosen, other] = [await create(leiden, 'GM0546', { name: 'Parkeren A', product }), await create(leiden, 'GM0546', { name: 'Parkeren B', product })];
    await judge(steward, chosen.productVersionId!, { verdict: 'compliant', effectiveDate: '2024-03-01' });
    const suggestion = (await suggestionsOf('GM0546', product)).find((s) => s.applicationId === chosen.id)!;

    await leiden.post('/api/v1/municipalities/GM0546/suggestions/acceptances').send({ suggestions: [offered(suggestion)], effectiveDate: '2025-02-01' }).expect(200);
    expect((await historyOf(chosen.id))[0]).toMatchObject({ effectiveDate: '2025-02-01', after: { status: 'compliant' } });
    expect((await suggestionsOf('GM0546', product)).map((s) => s.applicationId)).toEqual([other.id]);
  });

  it('when the application’s own history changed its status after the assessment’s date, then accepting takes effect no earlier, so the status does follow', async () => {
    const product = productOfTest('Belastingen');
    const app = await create(leiden, 'GM0546', { name: 'Belastingen', product });
    const etag = (await leiden.get(`/api/v1/applications/${app.id}`).expect(200)).headers.etag!;
    await leiden.patch(`/api/v1/applications/${app.id}`).set('If-Match', etag).send({ status: 'in_transition', effectiveDate: '2025-05-01' }).expect(200);
    await judge(steward, app.productVersionId!, { verdict: 'compliant', effectiveDate: '2024-01-01' });
    const [suggestion] = await suggestionsOf('GM0546', product);

    const res = await leiden.post('/api/v1/municipalities/GM0546/suggestions/acceptances').send({ suggestions: [offered(suggestion!)] }).expect(200);
    expect(res.body.applications[0].status).toBe('compliant');
    expect((await historyOf(app.id))[0]).toMatchObject({ effectiveDate: '2025-05-01', after: { status: 'compliant' } });
  });

  it('when an application changed since the suggestion was offered, or its verdict did, then accepting is 409 listing each, and nothing is written', async () => {
    const product = productOfTest('Meldingen');
    const [changed, untouched, rejudged] = [
      await create(leiden, 'GM0546', { name: 'Meldingen A', product, version: '1' }),
      await create(leiden, 'GM0546', { name: 'Meldingen B', product, version: '1' }),
      await create(leiden, 'GM0546', { name: 'Meldingen C', product, version: '2' }),
    ];
    await judge(steward, changed.productVersionId!, { verdict: 'compliant', effectiveDate: '2024-03-01' });
    const first = await judge(steward, rejudged.productVersionId!, { verdict: 'compliant', effectiveDate: '2024-03-01' });
    const suggestions = await suggestionsOf('GM0546', product);
    expect(suggestions).toHaveLength(3);

    const etag = (await leiden.get(`/api/v1/applications/${changed.id}`).expect(200)).headers.etag!;
    await leiden.patch(`/api/v1/applications/${changed.id}`).set('If-Match', etag).send({ notes: 'Intussen gewijzigd' }).expect(200);
    const second = await judge(steward, rejudged.productVersionId!, { verdict: 'compliant', effectiveDate: '2024-09-01' });
    expect(second.id).not.toBe(first.id);

    const res = await leiden.post('/api/v1/municipalities/GM0546/suggestions/acceptances').send({ suggestions: suggestions.map(offered) }).expect(409);
    const at = (id: string) => suggestions.findIndex((s) => s.applicationId === id);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([`suggestions.${at(changed.id)}.updatedAt`, `suggestions.${at(rejudged.id)}.assessmentId`].sort());
    expect(res.body.code).toBe('suggestions.stale');
    for (const app of [changed, untouched, rejudged]) expect((await leiden.get(`/api/v1/applications/${app.id}`).expect(200)).body.status).toBe('legacy');

    const dutch = await leiden.post('/api/v1/municipalities/GM0546/suggestions/acceptances').set('Accept-Language', 'nl').send({ suggestions: suggestions.map(offered) }).expect(409);
    expect(dutch.body.detail).toMatch(/^2 suggesties zijn veranderd/);
  });

  it('when an editor declines a suggestion with a reason, then it is no longer offered and stewards read the reason by version', async () => {
    const product = productOfTest('Klantcontact');
    const app = await create(leiden, 'GM0546', { name: 'Klantcontact', product, version: '3', status: 'compliant' });
    const verdict = await judge(steward, app.productVersionId!, { verdict: 'not_compliant', effectiveDate: '2024-03-01' });
    const [suggestion] = await suggestionsOf('GM0546', product);
    expect(suggestion).toMatchObject({ suggestedStatus: 'legacy', assessmentId: verdict.id });

    const missing = await leiden.post('/api/v1/municipalities/GM0546/suggestions/declines').send({ applicationId: app.id, assessmentId: verdict.id, reason: ' ' }).expect(400);
    expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'reason' })]);
    await leiderdorp.post('/api/v1/municipalities/GM0546/suggestions/declines').send({ applicationId: app.id, assessmentId: verdict.id, reason: 'Niet van ons' }).expect(403);

    const reason = 'Wij gebruiken de versie met de open API-module';
    const declined = await leiden.post('/api/v1/municipalities/GM0546/suggestions/declines').send({ applicationId: app.id, assessmentId: verdict.id, reason }).expect(201);
    expect(declined.body).toMatchObject({ application: { id: app.id }, municipality: { code: 'GM0546' }, productVersion: { id: app.productVersionId }, assessment: { id: verdict.id, verdict: 'not_compliant', level: 'verified' }, reason });
    expect(await suggestionsOf('GM0546', product)).toEqual([]);
    await leiden.post('/api/v1/municipalities/GM0546/suggestions/declines').send({ applicationId: app.id, assessmentId: verdict.id, reason }).expect(409);

    await viewer.get(`/api/v1/suggestion-declines?productVersionId=${app.productVersionId}`).expect(403);
    const read = await steward.get(`/api/v1/suggestion-declines?productVersionId=${app.productVersionId}`).expect(200);
    expect(read.body).toEqual({ items: [declined.body], total: 1 });

    // A newer verified judgement of the version offers it again.
    const again = await judge(steward, app.productVersionId!, { verdict: 'not_compliant', effectiveDate: '2024-09-01' });
    expect((await suggestionsOf('GM0546', product)).map((s) => s.assessmentId)).toEqual([again.id]);
  });

  it('when a steward verifies a version, then the verified share, coverage and disagreements move while the reported share stays; following the suggestion clears the disagreement', async () => {
    // Groningen: a municipality no other test of this file writes to, so its figures are this test's alone.
    const groningen = (await signIn({ role: 'editor', municipalityCodes: ['GM0014'] })).agent;
    const product = productOfTest('Vergunningen');
    const judged = await create(groningen, 'GM0014', { name: 'Vergunningen', product, version: '2', annualCost: 3000 });
    await create(groningen, 'GM0014', { name: 'Website', product: productOfTest('Website'), status: 'compliant', annualCost: 1000 });
    await create(groningen, 'GM0014', { name: 'Archief', product: productOfTest('Archief') });
    const summary = async (measure = 'count') => (await api().get(`/api/v1/municipalities/GM0014/progress?measure=${measure}`).expect(200)).body.summary;
    const national = async () => (await api().get('/api/v1/progress/national').expect(200)).body.summary;

    expect(await summary()).toMatchObject({ share: 1 / 3, verifiedShare: 1 / 3, verifiedCoverage: 0, disagreementCount: 0 });
    const nationalBefore = await national();
    await judge(steward, judged.productVersionId!, { verdict: 'compliant', effectiveDate: '2024-03-01' });

    expect(await summary()).toMatchObject({ share: 1 / 3, compliantCount: 1, verifiedShare: 2 / 3, verifiedCoverage: 1 / 3, disagreementCount: 1 });
    expect(await summary('cost')).toMatchObject({ share: 0.25, verifiedShare: 1, verifiedCoverage: 0.75, disagreementCount: 1 });
    const nationalAfter = await national();
    expect(nationalAfter.disagreementCount).toBe(nationalBefore.disagreementCount + 1);
    expect(nationalAfter.share).toBe(nationalBefore.share);

    const [suggestion] = await suggestionsOf('GM0014', product);
    await groningen.post('/api/v1/municipalities/GM0014/suggestions/acceptances').send({ suggestions: [offered(suggestion!)] }).expect(200);
    expect(await summary()).toMatchObject({ share: 2 / 3, verifiedShare: 2 / 3, verifiedCoverage: 1 / 3, disagreementCount: 0 });
    expect((await national()).disagreementCount).toBe(nationalBefore.disagreementCount);
  });

  it('when suggestions are asked of a municipality that does not exist, or by someone not logged in, then 404 and 401', async () => {
    await viewer.get('/api/v1/municipalities/GM9999/suggestions').expect(404);
    await api().get('/api/v1/municipalities/GM0546/suggestions').expect(401);
  });
});
