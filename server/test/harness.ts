import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import type { Knex } from 'knex';
import supertest from 'supertest';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '@tm/shared/schemas/account';
import { openTestDb, type TestDb } from '@tm/db/testing';
import { createApp, type AppOptions } from '../src/app.ts';
import { createHttpServer } from '../src/http/http-server.ts';
import { hashPassword } from '../src/modules/accounts/passwords.ts';
import * as users from '../src/modules/accounts/users.repository.ts';

export type Account = { role: Role; municipalityCodes?: string[]; email?: string; password?: string };
export type SignedIn = { agent: supertest.Agent; userId: string; email: string; csrfToken: string };

export type Harness = {
  /** An anonymous caller. */
  api: () => supertest.Agent;
  db: () => Knex;
  app: () => Express;
  /** A new account with a session: its agent carries the cookie and sends the CSRF token with every request. */
  signIn: (account: Account) => Promise<SignedIn>;
  /** A new account in the database, without a session. */
  createAccount: (account: Account) => Promise<{ userId: string; email: string; password: string }>;
};

/**
 * A real app on its own fresh database for the test file that calls it. Options may be a function, read when the
 * app is built, for values that an earlier `beforeAll` finds out (such as the port of a provider started there).
 */
export function useTestApp(options: Omit<AppOptions, 'db'> | (() => Omit<AppOptions, 'db'>) = {}): Harness {
  let testDb: TestDb | undefined;
  let app: Express | undefined;
  let agent: supertest.Agent | undefined;
  beforeAll(async () => {
    testDb = await openTestDb();
    app = createApp({ ...(typeof options === 'function' ? options() : options), db: testDb.db });
    agent = supertest.agent(createHttpServer(app));
  });
  afterAll(async () => {
    await testDb?.close();
  });

  const createAccount: Harness['createAccount'] = async (account) => {
    const email = account.email ?? `${account.role}-${randomUUID().slice(0, 8)}@test.local`;
    const password = account.password ?? `secret-${randomUUID()}`;
    const userId = await users.insert(testDb!.db, {
      email,
      name: `Test ${account.role}`,
      role: account.role,
      municipalityCodes: account.municipalityCodes ?? [],
      passwordHash: await hashPassword(password),
    });
    return { userId, email, password };
  };

  return {
    api: () => agent!,
    db: () => testDb!.db,
    app: () => app!,
    createAccount,
    signIn: async (account) => {
      const { userId, email, password } = await createAccount(account);
      const signedIn = supertest.agent(createHttpServer(app!));
      const res = await signedIn.post('/api/v1/sessions').send({ email, password });
      if (res.status !== 201) throw new Error(`log-in of ${email} answered ${res.status}: ${res.text}`);
      const csrfToken = res.body.csrfToken as string;
      signedIn.set('X-CSRF-Token', csrfToken);
      return { agent: signedIn, userId, email, csrfToken };
    },
  };
}
