import type { Knex } from 'knex';
import type { Role } from '@tm/shared/schemas/account';
import { hashPassword } from './passwords.ts';
import * as users from './users.repository.ts';

export const DEMO_PASSWORD = 'demo';

/** PRODUCT §7. In Holland Rijnland, the shared service organisation Servicepunt71 works for Leiden, Leiderdorp,
 * Oegstgeest and Zoeterwoude. */
export const DEMO_ACCOUNTS: readonly { email: string; name: string; role: Role; municipalityCodes: string[] }[] = [
  { email: 'admin@demo.local', name: 'Demo beheerder', role: 'admin', municipalityCodes: [] },
  { email: 'bestuur@demo.local', name: 'Demo programmabestuur', role: 'board', municipalityCodes: [] },
  { email: 'viewer@demo.local', name: 'Demo meekijker', role: 'viewer', municipalityCodes: [] },
  { email: 'cio.leiden@demo.local', name: 'Demo CIO Leiden', role: 'editor', municipalityCodes: ['GM0546'] },
  {
    email: 'cio.holland-rijnland@demo.local',
    name: 'Demo CIO Holland Rijnland',
    role: 'editor',
    municipalityCodes: ['GM0546', 'GM0547', 'GM0579', 'GM0638'],
  },
];

/** Whether this database holds the demo landscape (set by the demo seed). */
export async function isDemoDataset(db: Knex): Promise<boolean> {
  const row = (await db('dataset_facts').where({ key: 'demo' }).first('value')) as { value: string } | undefined;
  return row?.value === 'true';
}

/**
 * Creates the demo accounts that are missing, only on the demo dataset: on real data an account with a known
 * password would be an open door. Answers the accounts, for the start banner.
 */
export async function ensureDemoAccounts(db: Knex): Promise<typeof DEMO_ACCOUNTS> {
  if (!(await isDemoDataset(db))) return [];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const existing = new Set((await db('municipalities').whereIn('code', DEMO_ACCOUNTS.flatMap((a) => a.municipalityCodes)).pluck('code')) as string[]);
  await db.transaction(async (trx) => {
    for (const account of DEMO_ACCOUNTS)
      if (!(await users.findByEmail(trx, account.email)))
        await users.insert(trx, { ...account, municipalityCodes: account.municipalityCodes.filter((c) => existing.has(c)), passwordHash });
  });
  return DEMO_ACCOUNTS;
}
