import { randomUUID } from 'node:crypto';
import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROVINCES } from '@tm/shared/schemas/municipality';
import { useTestApp } from '../../../test/harness.ts';

const { api, signIn } = useTestApp();
let editor: supertest.Agent;
// Leiden and Leiderdorp (Zuid-Holland), Amsterdam (Noord-Holland), Groningen (Groningen).
const CODES = ['GM0546', 'GM0547', 'GM0363', 'GM0014'];
beforeAll(async () => {
  editor = (await signIn({ role: 'editor', municipalityCodes: CODES })).agent;
});

async function create(code: string, body: Record<string, unknown>): Promise<void> {
  await editor.post(`/api/v1/municipalities/${code}/applications`).send({ inUseSince: '2020-01-01', status: 'legacy', ...body }).expect(201);
}

type Blocking = { productId: string; vendor: string | null; name: string; municipalityCount: number; municipalityShare: number; applicationCount: number; annualCost: number; plannedReplacementYears: { year: number; municipalityCount: number }[] };

async function blocking(query = 'pageSize=20'): Promise<{ items: Blocking[]; total: number; municipalityCount: number }> {
  return (await api().get(`/api/v1/blocking-products?${query}`).expect(200)).body;
}

describe('blocking products', () => {
  it('when municipalities run a product as legacy, then it is listed with their number, share, applications, cost and planned years', async () => {
    const vendor = `Kwakkel ${randomUUID().slice(0, 8)}`;
    const product = { vendor, product: 'Kwakkel Zaaksysteem' };
    await create('GM0546', { name: 'Zaken', ...product, version: '5.2', annualCost: 1000, plannedReplacementYear: 2027 });
    await create('GM0546', { name: 'Zaken archief', ...product, version: '5.3', annualCost: 500 });
    await create('GM0363', { name: 'Zaken', ...product, version: '5.2', plannedReplacementYear: 2028 });
    await create('GM0014', { name: 'Zaken', ...product, version: '5.2', annualCost: 250, plannedReplacementYear: 2027 });
    // Compliant, retired and planned applications hold nobody back.
    await create('GM0547', { name: 'Zaken', ...product, version: '6.0', status: 'compliant' });
    await create('GM0547', { name: 'Oude zaken', ...product, version: '4.0', lifecycle: 'phased_out' });
    await create('GM0547', { name: 'Nieuwe zaken', ...product, version: '4.0', lifecycle: 'planned' });

    const national = await blocking();
    const found = national.items.find((i) => i.vendor === vendor);
    expect(found).toEqual({
      productId: expect.any(String),
      vendor,
      name: 'Kwakkel Zaaksysteem',
      municipalityCount: 3,
      municipalityShare: 3 / national.municipalityCount,
      applicationCount: 4,
      annualCost: 1750,
      plannedReplacementYears: [
        { year: 2027, municipalityCount: 2 },
        { year: 2028, municipalityCount: 1 },
      ],
    });

    const zuidHolland = await blocking(`province=Zuid-Holland&productId=${found!.productId}`);
    expect(zuidHolland.total).toBe(1);
    expect(zuidHolland.items[0]).toMatchObject({ municipalityCount: 1, applicationCount: 2, annualCost: 1500, municipalityShare: 1 / zuidHolland.municipalityCount });
    expect(zuidHolland.municipalityCount).toBeLessThan(national.municipalityCount);
  });

  it('when the products are read per province, then for every product on the first page they add up to the national figures', async () => {
    const vendor = `Pluk ${randomUUID().slice(0, 8)}`;
    for (const code of CODES) await create(code, { name: 'Burgerzaken', vendor, product: 'Pluk BRP', annualCost: 100, plannedReplacementYear: 2029 });

    const national = await blocking();
    expect(national.items.length).toBeGreaterThan(1);
    const byProvince = await Promise.all(PROVINCES.map((p) => blocking(`province=${encodeURIComponent(p)}&pageSize=500`)));
    expect(byProvince.reduce((n, p) => n + p.municipalityCount, 0)).toBe(national.municipalityCount);
    for (const item of national.items) {
      const parts = byProvince.flatMap((p) => p.items.filter((i) => i.productId === item.productId));
      const sum = (f: (i: Blocking) => number) => parts.reduce((n, i) => n + f(i), 0);
      expect(sum((i) => i.municipalityCount), item.name).toBe(item.municipalityCount);
      expect(sum((i) => i.applicationCount), item.name).toBe(item.applicationCount);
      expect(sum((i) => i.annualCost), item.name).toBeCloseTo(item.annualCost, 2);
      const years = new Map<number, number>();
      for (const y of parts.flatMap((i) => i.plannedReplacementYears)) years.set(y.year, (years.get(y.year) ?? 0) + y.municipalityCount);
      expect([...years].sort(([a], [b]) => a - b).map(([year, municipalityCount]) => ({ year, municipalityCount }))).toEqual(item.plannedReplacementYears);
    }
    expect(national.items.find((i) => i.vendor === vendor)).toMatchObject({ municipalityCount: 4, applicationCount: 4 });
  });

  it('when a size class is asked, then only municipalities of that class count, and the share is of them', async () => {
    const all = await blocking();
    const large = await blocking('sizeClass=8&pageSize=500');
    expect(large.municipalityCount).toBeGreaterThan(0);
    expect(large.municipalityCount).toBeLessThan(all.municipalityCount);
    for (const item of large.items) expect(item.municipalityShare).toBeCloseTo(item.municipalityCount / large.municipalityCount, 10);
  });

  it('when the filter is not valid, then every invalid field is a problem', async () => {
    const res = await api().get('/api/v1/blocking-products?province=Atlantis&sizeClass=9&pageSize=0').expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['pageSize', 'province', 'sizeClass']);
  });
});
