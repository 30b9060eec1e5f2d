import { describe, expect, it } from 'vitest';
import { aboutSchema } from '@tm/shared/schemas/about';
import { useTestApp } from '../../../test/harness.ts';

const { api, db } = useTestApp();

describe('GET /api/v1/about', () => {
  it('when the data are not the demo landscape, then demo is false and versions and sources are given', async () => {
    const res = await api().get('/api/v1/about').expect(200);
    const about = aboutSchema.parse(res.body);
    expect(about.demo).toBe(false);
    expect(about.apiVersion).toBe(res.headers['api-version']);
    expect(about.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(about.dataSources.map((s) => s.attribution).join(' ')).toMatch(/CBS.*GEMMA/s);
  });

  it('when the database carries the demo mark, then demo is true', async () => {
    await db()('dataset_facts').insert({ key: 'demo', value: 'true' }).onConflict('key').merge();
    const res = await api().get('/api/v1/about').expect(200);
    expect(res.body.demo).toBe(true);
  });

  it('when a parameter is given, then 400 names it', async () => {
    const res = await api().get('/api/v1/about?demo=false').expect(400).expect('Content-Type', /problem\+json/);
    expect(res.body.errors).toEqual([{ path: 'demo', code: 'validation.unknownQueryParameter', message: 'Onbekende queryparameter.' }]);
  });
});
