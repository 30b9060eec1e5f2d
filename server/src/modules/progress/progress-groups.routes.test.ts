import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROVINCES } from '@tm/shared/schemas/municipality';
import { useTestApp } from '../../../test/harness.ts';

const { api, signIn } = useTestApp();
let editor: supertest.Agent;
let zaak: string;

async function create(code: string, body: Record<string, unknown>) {
  const res = await editor.post(`/api/v1/municipalities/${code}/applications`).send({ inUseSince: '2020-01-01', ...body }).expect(201);
  return { id: res.body.id as string, etag: res.headers.etag! };
}

type Group = { key: string; municipalityCount: number; share: number | null; landscapeCount: number; compliantCount: number };
type Member = { code: string; province: string; sizeClass: number };
const national = async (query: Record<string, string> = {}) => (await api().get('/api/v1/progress/national').query(query).expect(200)).body;

beforeAll(async () => {
  editor = (await signIn({ role: 'editor', municipalityCodes: ['GM0546', 'GM0599', 'GM0363', 'GM0014'] })).agent;
  zaak = (await api().get('/api/v1/reference-components').expect(200)).body.items[0].id;
  // Zuid-Holland: Leiden (size class 6) and Rotterdam (8); Noord-Holland: Amsterdam (8); Groningen (7).
  await create('GM0546', { name: 'Zaken', product: 'Open Zaak', status: 'compliant', referenceComponentIds: [zaak] });
  await create('GM0546', { name: 'Burgerzaken', status: 'legacy', referenceComponentIds: [zaak] });
  await create('GM0599', { name: 'Zaken R', status: 'legacy', referenceComponentIds: [zaak] });
  await create('GM0599', { name: 'Belastingen R', status: 'legacy' });
  await create('GM0363', { name: 'Zaken A', product: 'Alleen Amsterdam', status: 'compliant' });
  await create('GM0363', { name: 'Portaal A', product: 'Alleen Amsterdam', status: 'compliant' });
  await create('GM0014', { name: 'Zaken G', status: 'legacy' });
});

describe('progress of a group of municipalities', () => {
  it('when the board asks for a province, then every figure is of its municipalities alone and matches its national row', async () => {
    const all = await national();
    const group = await national({ province: 'Zuid-Holland' });
    const row = all.byProvince.find((g: Group) => g.key === 'Zuid-Holland');
    expect(group.summary).toMatchObject({ landscapeCount: 4, compliantCount: 1, share: 0.25 });
    expect(row).toMatchObject({ landscapeCount: 4, compliantCount: 1, share: 0.25 });
    expect(group.byProvince).toEqual([row]);
    expect(group.distribution.municipalities.length).toBe(row.municipalityCount);
    expect(group.distribution.municipalities.every((m: Member) => m.province === 'Zuid-Holland')).toBe(true);
    expect(group.series.at(-1)).toMatchObject({ landscapeCount: 4, compliantCount: 1 });
    expect(group.summary.completeness.applicationCount).toBe(4);
    // The top lists are of the group too: Amsterdam's product is not among Zuid-Holland's.
    expect(group.topCompliantProducts.map((p: { product: string }) => p.product)).toEqual(['Open Zaak']);
    expect(group.topLegacyReferenceComponents).toEqual([expect.objectContaining({ referenceComponentId: zaak, municipalityCount: 2 })]);
    expect(all.topCompliantProducts.map((p: { product: string }) => p.product).sort()).toEqual(['Alleen Amsterdam', 'Open Zaak']);
  });

  it('when every province is asked for in turn, then their landscapes add up to the national one', async () => {
    const all = await national();
    const groups = await Promise.all(PROVINCES.map((province) => national({ province })));
    const sum = (pick: (g: { summary: Group }) => number) => groups.reduce((n, g) => n + pick(g), 0);
    expect(sum((g) => g.summary.landscapeCount)).toBe(all.summary.landscapeCount);
    expect(sum((g) => g.summary.compliantCount)).toBe(all.summary.compliantCount);
    expect(groups.reduce((n, g) => n + g.distribution.municipalities.length, 0)).toBe(all.distribution.municipalities.length);
  });

  it('when the board asks for a size class, or a size class within a province, then only those municipalities count', async () => {
    const all = await national();
    const large = await national({ sizeClass: '8' });
    expect(large.summary).toMatchObject({ landscapeCount: 4, compliantCount: 2 });
    expect(all.bySizeClass.find((g: Group) => g.key === '8')).toMatchObject({ landscapeCount: 4, compliantCount: 2, municipalityCount: large.distribution.municipalities.length });
    expect(large.distribution.municipalities.every((m: Member) => m.sizeClass === 8)).toBe(true);

    const both = await national({ province: 'Zuid-Holland', sizeClass: '8' });
    expect(both.summary).toMatchObject({ landscapeCount: 2, compliantCount: 0, share: 0 });
    expect(both.distribution.municipalities.every((m: Member) => m.province === 'Zuid-Holland' && m.sizeClass === 8)).toBe(true);
    expect(both.distribution.municipalities.map((m: Member) => m.code)).toContain('GM0599');
    expect(both.topCompliantProducts).toEqual([]);
  });

  it('when a group is asked for as known before a later change, then the change does not show', async () => {
    const before = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await create('GM0599', { name: 'Later', status: 'compliant' });
    const now = await national({ province: 'Zuid-Holland' });
    const then = await national({ province: 'Zuid-Holland', knownAt: before });
    expect(now.summary).toMatchObject({ landscapeCount: 5, compliantCount: 2 });
    expect(then.summary).toMatchObject({ landscapeCount: 4, compliantCount: 1 });
  });

  it('when the group is not one the register knows, then 400 names every parameter', async () => {
    const bad = await api().get('/api/v1/progress/national?province=Atlantis&sizeClass=9').expect(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['province', 'sizeClass']);
  });
});
