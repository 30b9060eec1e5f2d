import { createDb } from '@tm/db/connection';
import { prepareDatabase } from '@tm/db/prepare';
import { hashPassword } from '../../src/modules/accounts/passwords.ts';
import * as users from '../../src/modules/accounts/users.repository.ts';

export const EDITOR = { email: 'editor@resilience.test', password: 'resilience-editor-password', municipalityCodes: ['GM0546'] };

export type Session = { cookie: string; csrfToken: string };

/** The editor goes in before the server starts, the way an operator makes the first accounts. */
export async function prepareWithEditor(databaseUrl: string): Promise<void> {
  const db = createDb({ kind: 'server', url: databaseUrl, poolMax: 1 });
  try {
    await prepareDatabase(db);
    await users.insert(db, { email: EDITOR.email, name: 'Resilience editor', role: 'editor', municipalityCodes: EDITOR.municipalityCodes, passwordHash: await hashPassword(EDITOR.password) });
  } finally {
    await db.destroy();
  }
}

export async function logIn(baseUrl: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EDITOR.email, password: EDITOR.password }),
  });
  if (res.status !== 201) throw new Error(`log-in answered ${res.status}: ${await res.text()}`);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}
