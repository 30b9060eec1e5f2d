import type supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';

const { api, signIn } = useTestApp();
let admin: supertest.Agent;
beforeAll(async () => {
  admin = (await signIn({ role: 'admin' })).agent;
});

describe('settings', () => {
  it('when nobody changed them, then the programme starts 2021-01-01 at 10% a year and attestations last 6 months', async () => {
    const res = await api().get('/api/v1/settings').expect(200);
    expect(res.body).toEqual({ programmeStart: '2021-01-01', annualRate: 0.1, staleAfterMonths: 6 });
  });

  it('when they are replaced, then the new ones are read back', async () => {
    const changed = { programmeStart: '2022-07-01', annualRate: 0.125, staleAfterMonths: 12 };
    await admin.put('/api/v1/settings').send(changed).expect(200).expect((r) => expect(r.body).toEqual(changed));
    await api().get('/api/v1/settings').expect(200).expect((r) => expect(r.body).toEqual(changed));
    // A PUT replaces the settings: what it leaves out is back at its default.
    await admin.put('/api/v1/settings').send({ programmeStart: '2021-01-01', annualRate: 0.1 }).expect(200)
      .expect((r) => expect(r.body).toEqual({ programmeStart: '2021-01-01', annualRate: 0.1, staleAfterMonths: 6 }));
  });

  it('when they are invalid, then 400 names every field and nothing changes', async () => {
    const res = await admin.put('/api/v1/settings').send({ programmeStart: '2021-13-01', annualRate: 0, staleAfterMonths: 2.5, colour: 'red' }).expect(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['annualRate', 'colour', 'programmeStart', 'staleAfterMonths']);
    const missing = await admin.put('/api/v1/settings').send({}).expect(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['annualRate', 'programmeStart']);
    const tooLong = await admin.put('/api/v1/settings').send({ programmeStart: '2021-01-01', annualRate: 0.1, staleAfterMonths: 61 }).expect(400);
    expect(tooLong.body.errors).toEqual([{ path: 'staleAfterMonths', code: 'validation.tooBig', message: 'Vul een waarde van ten hoogste 60 in.' }]);
    await api().get('/api/v1/settings').expect(200)
      .expect((r) => expect(r.body).toEqual({ programmeStart: '2021-01-01', annualRate: 0.1, staleAfterMonths: 6 }));
  });
});
