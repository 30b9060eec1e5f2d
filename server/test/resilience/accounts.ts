import { createDb } from '@tm/db/connection';
import { prepareDatabase } from '@tm/db/prepare';
import { hashPassword } from '../../src/modules/accounts/passwords.ts';
import * as users from '../../src/modules/accounts/users.repository.ts';

export type Editor = { email: string; password: string; municipalityCodes: string[] };
export const EDITOR: Editor = { email: 'editor@resilience.test', password: 'resilience-editor-password', municipalityCodes: ['GM0546'] };
/** A colleague, for what two accounts do at once. */
export const SECOND_EDITOR: Editor = { email: 'collega@resilience.test', password: 'resilience-colleague-password', municipalityCodes: ['GM0546'] };

export type Session = { cookie: string; csrfToken: string };

/** The editors go in before the server starts, the way an operator makes the first accounts. */
export async function prepareWithEditor(databaseUrl: string, editors: Editor[] = [EDITOR]): Promise<void> {
  const db = createDb({ kind: 'server', url: databaseUrl, poolMax: 1 });
  try {
    await prepareDatabase(db);
    for (const editor of editors)
      await users.insert(db, { email: editor.email, name: 'Resilience editor', role: 'editor', municipalityCodes: editor.municipalityCodes, passwordHash: await hashPassword(editor.password) });
  } finally {
    await db.destroy();
  }
}

export async function logIn(baseUrl: string, editor: Editor = EDITOR): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/v1/sessions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: editor.email, password: editor.password }),
  });
  if (res.status !== 201) throw new Error(`log-in answered ${res.status}: ${await res.text()}`);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
}
