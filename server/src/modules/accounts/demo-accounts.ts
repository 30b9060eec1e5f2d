import type { Knex } from 'knex';
import { isDemoDataset } from '@tm/db/demo';
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
  { email: 'catalogus@demo.local', name: 'Demo catalogusbeheerder', role: 'steward', municipalityCodes: [] },
  { email: 'cio.leiden@demo.local', name: 'Demo CIO Leiden', role: 'editor', municipalityCodes: ['GM0546'] },
  {
    email: 'cio.holland-rijnland@demo.local',
    name: 'Demo CIO Holland Rijnland',
    role: 'editor',
    municipalityCodes: ['GM0546', 'GM0547', 'GM0579', 'GM0638'],
  },
];

/**
 * Creates the demo accounts that are missing, only on the demo dataset: on real data an account with a known
 * password would be an open door. Answers the accounts, for the start banner.
 */
export async function ensureDemoAccounts(db: Knex): Promise<typeof DEMO_ACCOUNTS> {
  if (!(await isDemoDataset(db))) return [];
  const missing: (typeof DEMO_ACCOUNTS)[number][] = [];
  for (const account of DEMO_ACCOUNTS) if (!(await users.findByEmail(db, account.email))) missing.push(account);
  // Hashing is deliberately slow: only pay for it on the start that creates the accounts.
  if (missing.length === 0) return DEMO_ACCOUNTS;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const existing = new Set((await db('municipalities').whereIn('code', DEMO_ACCOUNTS.flatMap((a) => a.municipalityCodes)).pluck('code')) as string[]);
  await db.transaction(async (trx) => {
    for (const account of missing)
      await users.insert(trx, { ...account, municipalityCodes: account.municipalityCodes.filter((c) => existing.has(c)), passwordHash });
  });
  return DEMO_ACCOUNTS;
}
