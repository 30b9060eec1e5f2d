import type { Knex } from 'knex';
import { beforeAll, describe, expect, it } from 'vitest';
import { sizeClassOf } from '@tm/shared/schemas/municipality';
import { useTestApp } from '../../../test/harness.ts';

const { api, db } = useTestApp();

type Version = { code: string; validFrom: string; name?: string; population?: number };

/** A new version of a municipality from a date, changing what `change` names. */
async function addVersion(knex: Knex, { code, validFrom, ...change }: Version) {
  const latest = await knex('municipality_versions').where({ code }).orderByRaw('valid_from desc nulls last').first();
  const population = change.population ?? latest.population;
  const version = { ...latest, ...change, valid_from: validFrom, population, size_class: sizeClassOf(population) };
  await knex('municipality_versions').insert(version);
  await knex('municipalities').where({ code }).update({ name: version.name, population, size_class: version.size_class });
}

// The register's history written as a merger and the yearly list will write it: Stadskanaal and Veendam became
// Veenkoloniën on 1 January 2026, 's-Gravenhage was renamed, and Leiden grew into the next size class.
beforeAll(async () => {
  const knex = db();
  await knex('municipalities').insert({
    code: 'GM1995',
    name: 'Veenkoloniën',
    province: 'Groningen',
    province_code: 'PV20',
    population: 60_000,
    size_class: 5,
    valid_from: '2026-01-01',
  });
  await knex('municipality_versions').insert({
    code: 'GM1995',
    valid_from: '2026-01-01',
    name: 'Veenkoloniën',
    province: 'Groningen',
    province_code: 'PV20',
    population: 60_000,
    size_class: 5,
  });
  await knex('municipalities').whereIn('code', ['GM0037', 'GM0047']).update({ valid_to: '2026-01-01', merged_into: 'GM1995' });
  await addVersion(knex, { code: 'GM0518', validFrom: '2026-01-01', name: 'Den Haag' });
  await addVersion(knex, { code: 'GM0546', validFrom: '2026-01-01', population: 151_000 });
});

const codes = (body: { items: { code: string }[] }) => body.items.map((m) => m.code);

describe('the municipal register at a date', () => {
  it('when listed today, then the merged municipalities are gone, the new one is there, with names and populations of today', async () => {
    const res = await api().get('/api/v1/municipalities').expect(200);
    expect(res.body.total).toBe(341);
    expect(codes(res.body)).not.toContain('GM0037');
    expect(res.body.items.find((m: { code: string }) => m.code === 'GM1995')).toEqual({
      code: 'GM1995',
      name: 'Veenkoloniën',
      province: 'Groningen',
      population: 60_000,
      sizeClass: 5,
      validFrom: '2026-01-01',
      validTo: null,
      mergedInto: null,
      predecessors: ['GM0037', 'GM0047'],
    });
    expect(res.body.items.find((m: { code: string }) => m.code === 'GM0518').name).toBe('Den Haag');
    expect(res.body.items.find((m: { code: string }) => m.code === 'GM0546')).toMatchObject({ population: 151_000, sizeClass: 7 });
  });

  it('when listed at a date before the merger, then the register of that day answers', async () => {
    const res = await api().get('/api/v1/municipalities?date=2025-12-31').expect(200);
    expect(res.body.total).toBe(342);
    expect(codes(res.body)).not.toContain('GM1995');
    expect(res.body.items.find((m: { code: string }) => m.code === 'GM0037')).toMatchObject({
      name: 'Stadskanaal',
      validTo: '2026-01-01',
      mergedInto: { code: 'GM1995', name: 'Veenkoloniën' },
    });
    expect(res.body.items.find((m: { code: string }) => m.code === 'GM0518').name).toBe("'s-Gravenhage");
    expect(res.body.items.find((m: { code: string }) => m.code === 'GM0546')).toMatchObject({ population: 130_638, sizeClass: 6 });
  });

  it('when filtered at a date, then the filters apply to the names, provinces and size classes of that day', async () => {
    const before = await api().get('/api/v1/municipalities?sizeClass=7&date=2025-06-01').expect(200);
    const after = await api().get('/api/v1/municipalities?sizeClass=7&date=2026-06-01').expect(200);
    expect(codes(after.body).filter((c: string) => !codes(before.body).includes(c))).toEqual(['GM0546']);
    const haag = await api().get('/api/v1/municipalities?q=den haag&date=2025-06-01').expect(200);
    expect(haag.body.total).toBe(0);
    const groningen = await api().get('/api/v1/municipalities?province=Groningen&date=2026-01-01').expect(200);
    expect(codes(groningen.body)).toEqual(expect.arrayContaining(['GM1995']));
    expect(groningen.body.total).toBe(9);
  });

  it('when a merged municipality is asked for, then it answers with its last name and where it went, at any later date', async () => {
    for (const path of ['/api/v1/municipalities/GM0047', '/api/v1/municipalities/GM0047?date=2030-01-01']) {
      const res = await api().get(path).expect(200);
      expect(res.body).toMatchObject({ name: 'Veendam', validTo: '2026-01-01', mergedInto: { code: 'GM1995', name: 'Veenkoloniën' } });
    }
  });

  it('when a municipality is asked for at a date before it began, then 404; a date that is not one is a 400 naming it', async () => {
    await api().get('/api/v1/municipalities/GM1995?date=2025-12-31').expect(404);
    await api().get('/api/v1/municipalities/GM1995?date=2026-01-01').expect(200);
    const bad = await api().get('/api/v1/municipalities?date=31-12-2025').expect(400);
    expect(bad.body.errors).toEqual([{ path: 'date', code: 'validation.invalidDate', message: 'Vul een datum in als JJJJ-MM-DD.' }]);
    await api().get('/api/v1/municipalities/GM0546?date=gisteren').expect(400);
  });
});
