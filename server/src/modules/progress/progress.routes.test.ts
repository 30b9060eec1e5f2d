import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayIso } from '@tm/shared/dates';
import { useTestApp } from '../../../test/harness.ts';

const { api, signIn } = useTestApp();
let editor: supertest.Agent;
beforeAll(async () => {
  editor = (await signIn({ role: 'editor', municipalityCodes: ['GM0505', 'GM0546', 'GM0599'] })).agent;
});

async function create(code: string, body: Record<string, unknown>) {
  const res = await editor.post(`/api/v1/municipalities/${code}/applications`).send(body).expect(201);
  return { id: res.body.id as string, etag: res.headers.etag! };
}

describe('progress', () => {
  it('when a municipality has no landscape, then its share is null with a reason, not 0', async () => {
    const res = await api().get('/api/v1/municipalities/GM1900/progress').expect(200);
    expect(res.body.summary).toMatchObject({ share: null, landscapeCount: 0, compliantCount: 0, status: null, pace: null });
    expect(res.body.summary.note).toMatch(/no landscape/i);
    expect(res.body.series[0]).toMatchObject({ date: '2019-01-31', share: null });
    expect(res.body.series.at(-1).date).toBe(todayIso());
  });

  it('when a landscape is known, then share, target, status, gap, layers, plan and completeness follow from it', async () => {
    const zaak = (await api().get('/api/v1/reference-components').expect(200)).body.items[0].id;
    await create('GM0505', { name: 'A', status: 'compliant', layer: 'process', inUseSince: '2018-01-01', referenceComponentIds: [zaak], annualCost: 300 });
    await create('GM0505', { name: 'B', status: 'legacy', layer: 'data', inUseSince: '2018-01-01', plannedReplacementYear: 2030, annualCost: 100 });
    await create('GM0505', { name: 'C', status: 'in_transition', layer: 'data', inUseSince: '2018-01-01' });
    await create('GM0505', { name: 'D', status: 'legacy', inUseSince: '2018-01-01' });
    await create('GM0505', { name: 'E', status: 'compliant', lifecycle: 'planned', inUseSince: '2018-01-01' });

    const count = (await api().get('/api/v1/municipalities/GM0505/progress').expect(200)).body;
    expect(count.summary).toMatchObject({ measure: 'count', share: 0.25, landscapeCount: 4, compliantCount: 1, deadline: '2028-07-03', startShare: 0.25 });
    // The planned one is in the inventory but not yet in the landscape: the page says so beside the figures.
    expect(count.summary.lifecycleCounts).toEqual({ planned: 1, inProduction: 4, phasingOut: 0, phasedOut: 0 });
    // Target: 25% at the start plus 10% a year, capped at 100%.
    expect(count.summary.target).toBeGreaterThan(0.25);
    expect(count.summary.gap).toBe(Math.ceil(count.summary.target * 4 - 1e-9) - 1);
    expect(count.summary.status).toBe('behind');
    expect(count.summary.pace).toBeCloseTo(0, 9);
    expect(count.summary.projectedCompletionYear).toBeNull();
    expect(count.byLayer.find((l: { layer: string }) => l.layer === 'data')).toEqual({
      layer: 'data', landscapeCount: 2, compliantCount: 0, inTransitionCount: 1, legacyCount: 2, share: 0,
    });
    expect(count.byLayer.find((l: { layer: string | null }) => l.layer === null)).toMatchObject({ landscapeCount: 1 });
    expect(count.summary.completeness).toEqual({
      score: 0.25, applicationCount: 4, withReferenceComponent: 1, withLayer: 3, legacyCount: 3, legacyWithPlannedYear: 1, withAnnualCost: 2,
    });
    expect(count.plan[0].year).toBe(new Date().getUTCFullYear());

    const cost = (await api().get('/api/v1/municipalities/GM0505/progress?measure=cost').expect(200)).body;
    expect(cost.summary).toMatchObject({ share: 0.75, landscapeCost: 400, compliantCost: 300, costCoverage: 0.5, gap: null });
  });

  it('when the input is bad, then 400 names every parameter; an unknown municipality is 404', async () => {
    const bad = await api().get('/api/v1/municipalities/GM0546/progress?measure=euros&knownAt=yesterday&colour=red').expect(400);
    expect(bad.headers['content-type']).toMatch(/problem\+json/);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['colour', 'knownAt', 'measure']);
    const future = await api().get(`/api/v1/progress/national?knownAt=${new Date(Date.now() + 86_400_000).toISOString()}`).expect(400);
    expect(future.body.errors).toEqual([{ path: 'knownAt', code: 'validation.futureDate', message: 'Een datum in de toekomst kan niet.' }]);
    await api().get('/api/v1/municipalities/GM12/progress').expect(400);
    await api().get('/api/v1/municipalities/GM0001/progress').expect(404);
  });

  it('when one application is edited, then the municipal, national and peer figures change on the very next read', async () => {
    const component = (await api().get('/api/v1/reference-components').expect(200)).body.items[7].id as string;
    // A peer in the same province already runs a compliant product for the component.
    await create('GM0505', { name: 'OpenZaak', status: 'compliant', inUseSince: '2021-01-01', referenceComponentIds: [component] });
    const read = async () => {
      const [mine, national, peers] = await Promise.all([
        api().get('/api/v1/municipalities/GM0546/progress').expect(200),
        api().get('/api/v1/progress/national').expect(200),
        editor.get('/api/v1/municipalities/GM0546/peers?group=province').expect(200),
      ]);
      const me = peers.body.members.find((m: { code: string }) => m.code === 'GM0546');
      // Every compliant product fits the top list here, so one that is absent has no municipality.
      expect(national.body.topCompliantProducts.length).toBeLessThan(10);
      return {
        mine: [mine.body.summary.landscapeCount, mine.body.summary.compliantCount],
        national: [national.body.summary.landscapeCount, national.body.summary.compliantCount],
        peer: [me.landscapeCount, me.compliantCount],
        may2022: mine.body.series.find((p: { date: string }) => p.date === '2022-05-31').compliantCount,
        completeness: [mine.body.summary.completeness.applicationCount, national.body.summary.completeness.applicationCount],
        legacyUse: national.body.topLegacyReferenceComponents.find((c: { referenceComponentId: string }) => c.referenceComponentId === component)?.municipalityCount ?? 0,
        zaakmoduleUse: national.body.topCompliantProducts.find((p: { product: string }) => p.product === 'Zaakmodule')?.municipalityCount ?? 0,
        recommended: peers.body.recommendations
          .filter((r: { referenceComponentId: string }) => r.referenceComponentId === component)
          .flatMap((r: { products: { product: string }[] }) => r.products.map((p) => p.product)),
      };
    };
    const app = await create('GM0546', { name: 'Zaaksysteem', product: 'Zaakmodule', inUseSince: '2020-01-01', referenceComponentIds: [component] });
    const before = await read();
    expect(before).toMatchObject({ legacyUse: 1, zaakmoduleUse: 0, recommended: ['OpenZaak'] });

    const status = await editor.patch(`/api/v1/applications/${app.id}`).set('If-Match', app.etag).send({ status: 'compliant' }).expect(200);
    const afterStatus = await read();
    expect(afterStatus.mine).toEqual([before.mine[0], before.mine[1]! + 1]);
    expect(afterStatus.national).toEqual([before.national[0], before.national[1]! + 1]);
    expect(afterStatus.peer).toEqual([before.peer[0], before.peer[1]! + 1]);
    expect(afterStatus.may2022).toBe(before.may2022);
    // No legacy left for the component: nobody runs legacy there, and nothing is left to recommend.
    expect(afterStatus).toMatchObject({ legacyUse: 0, zaakmoduleUse: 1, recommended: [], completeness: before.completeness });

    const backDated = await editor.patch(`/api/v1/applications/${app.id}`).set('If-Match', status.headers.etag!)
      .send({ status: 'compliant', effectiveDate: '2022-05-01' }).expect(200);
    expect((await read()).may2022).toBe(before.may2022 + 1);

    const retired = await editor.patch(`/api/v1/applications/${app.id}`).set('If-Match', backDated.headers.etag!)
      .send({ lifecycle: 'phased_out' }).expect(200);
    const afterRetire = await read();
    expect(afterRetire.mine).toEqual([before.mine[0]! - 1, before.mine[1]]);
    expect(afterRetire.national).toEqual([before.national[0]! - 1, before.national[1]]);
    expect(afterRetire.peer).toEqual([before.peer[0]! - 1, before.peer[1]]);
    expect(afterRetire.may2022).toBe(before.may2022 + 1);
    expect(afterRetire).toMatchObject({ zaakmoduleUse: 0, completeness: [before.completeness[0]! - 1, before.completeness[1]! - 1] });

    const restored = await editor.patch(`/api/v1/applications/${app.id}`).set('If-Match', retired.headers.etag!)
      .send({ lifecycle: 'in_production', status: 'legacy' }).expect(200);
    expect(await read()).toMatchObject({ legacyUse: 1, recommended: ['OpenZaak'], completeness: before.completeness });

    await editor.delete(`/api/v1/applications/${app.id}`).set('If-Match', restored.headers.etag!).expect(204);
    const afterDelete = await read();
    expect(afterDelete.may2022).toBe(before.may2022);
    expect(afterDelete).toMatchObject({ legacyUse: 0, recommended: [], completeness: [before.completeness[0]! - 1, before.completeness[1]! - 1] });
  });

  it('when a back-dated change is recorded later, then the figures as known before it do not show it', async () => {
    const app = await create('GM0599', { name: 'Burgerzaken', inUseSince: '2019-06-01' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const knownAt = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await editor.patch(`/api/v1/applications/${app.id}`).set('If-Match', app.etag).send({ status: 'compliant', effectiveDate: '2020-03-01' }).expect(200);

    const now = (await api().get('/api/v1/municipalities/GM0599/progress').expect(200)).body;
    const then = (await api().get('/api/v1/municipalities/GM0599/progress').query({ knownAt }).expect(200)).body;
    expect(now.series.find((p: { date: string }) => p.date === '2020-03-31').compliantCount).toBe(1);
    expect(then.series.find((p: { date: string }) => p.date === '2020-03-31').compliantCount).toBe(0);
    expect(then.summary).toMatchObject({ date: knownAt.slice(0, 10), share: 0 });
  });
});
