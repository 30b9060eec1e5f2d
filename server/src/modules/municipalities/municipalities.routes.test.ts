import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';

const { api } = useTestApp();

describe('municipalities', () => {
  it('when all are listed, then there are 342 with province, population and size class', async () => {
    const res = await api().get('/api/v1/municipalities').expect(200);
    expect(res.body.total).toBe(342);
    const leiden = res.body.items.find((m: { code: string }) => m.code === 'GM0546');
    expect(leiden).toEqual({
      code: 'GM0546',
      name: 'Leiden',
      province: 'Zuid-Holland',
      population: 130638,
      sizeClass: 6,
      validFrom: null,
      validTo: null,
      mergedInto: null,
      predecessors: [],
    });
  });

  it('when filtered by province, size class or text, then only matches come back', async () => {
    const fryslan = await api().get('/api/v1/municipalities?province=Fryslân').expect(200);
    expect(fryslan.body.total).toBe(18);
    const big = await api().get('/api/v1/municipalities?sizeClass=8').expect(200);
    expect(big.body.items.map((m: { name: string }) => m.name).sort()).toEqual(["'s-Gravenhage", 'Amsterdam', 'Rotterdam', 'Utrecht']);
    const lei = await api().get('/api/v1/municipalities?q=Lei').expect(200);
    expect(lei.body.items.map((m: { name: string }) => m.name)).toContain('Leiden');
    const accent = await api().get('/api/v1/municipalities?q=sudwest').expect(200);
    expect(accent.body.items.map((m: { code: string }) => m.code)).toEqual(['GM1900']);
  });

  it('when a filter is invalid, then 400 names it', async () => {
    const res = await api().get('/api/v1/municipalities?province=Friesland&sizeClass=9&colour=red').expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['colour', 'province', 'sizeClass']);
  });

  it('when one is asked by code, then it comes back; an unknown code is 404', async () => {
    await api().get('/api/v1/municipalities/GM0363').expect(200).expect((r) => expect(r.body.name).toBe('Amsterdam'));
    await api().get('/api/v1/municipalities/GM0001').expect(404);
  });

  it('when the reference components are listed, then all 171 GEMMA components are there', async () => {
    const res = await api().get('/api/v1/reference-components').expect(200);
    expect(res.body.total).toBe(171);
  });
});
