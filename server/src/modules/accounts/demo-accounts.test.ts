import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/harness.ts';
import { DEMO_ACCOUNTS, ensureDemoAccounts } from './demo-accounts.ts';

const { api, db } = useTestApp();

describe('demo accounts', () => {
  it('when the database is not the demo dataset, then no account with the published password is made', async () => {
    expect(await ensureDemoAccounts(db())).toEqual([]);
    expect(await db()('users').count('* as n').first()).toMatchObject({ n: 0 });
    await api().post('/api/v1/sessions').set('X-Forwarded-For', '10.9.0.1').send({ email: 'admin@demo.local', password: 'demo' }).expect(401);
  });

  it('when it is the demo dataset, then the accounts of §7 exist once, with their roles, and log in with "demo"', async () => {
    await db()('dataset_facts').insert({ key: 'demo', value: 'true' });
    expect(await ensureDemoAccounts(db())).toHaveLength(6);
    await ensureDemoAccounts(db());
    expect(await db()('users').count('* as n').first()).toMatchObject({ n: 6 });

    for (const account of DEMO_ACCOUNTS) {
      const res = await api().post('/api/v1/sessions').set('X-Forwarded-For', '10.9.0.2').send({ email: account.email, password: 'demo' }).expect(201);
      expect(res.body.user).toMatchObject({ role: account.role, municipalityCodes: [...account.municipalityCodes].sort() });
    }
    const shared = DEMO_ACCOUNTS.find((a) => a.email.startsWith('cio.holland-rijnland'))!;
    expect(shared.municipalityCodes.length).toBeGreaterThan(1);
  });
});
