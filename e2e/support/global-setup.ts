import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Knex } from 'knex';
import type { TestProject } from 'vitest/node';
import { createDb } from '@tm/db/connection';
import { prepareDatabase } from '@tm/db/prepare';
import { hashPassword } from '../../server/src/modules/accounts/passwords.ts';
import * as users from '../../server/src/modules/accounts/users.repository.ts';
import { startServerProcess } from '../../server/test/server-process.ts';

import { E2E_ACCOUNTS, E2E_PASSWORD } from './accounts.ts';

/**
 * A fresh database has no accounts and the API makes none without an admin, so the journeys' accounts are put in
 * before the server starts, the way an operator would create the first ones.
 */
async function seedAccounts(db: Knex): Promise<void> {
  try {
    await prepareDatabase(db);
    const passwordHash = await hashPassword(E2E_PASSWORD);
    for (const account of Object.values(E2E_ACCOUNTS))
      await users.insert(db, { ...account, municipalityCodes: [...account.municipalityCodes], passwordHash });
  } finally {
    await db.destroy();
  }
}

type Database = { env: NodeJS.ProcessEnv; remove: () => Promise<void> };

/** A database of its own on the PostgreSQL server DATABASE_URL names, as the API tests there use. */
async function serverDatabase(serverUrl: string): Promise<Database> {
  const url = new URL(serverUrl);
  const name = `${url.pathname.slice(1) || 'postgres'}_e2e_${randomBytes(4).toString('hex')}`;
  const onAdmin = async (sql: string) => {
    const admin = createDb({ kind: 'server', url: serverUrl, poolMax: 1 });
    try {
      await admin.raw(sql);
    } finally {
      await admin.destroy();
    }
  };
  await onAdmin(`create database "${name}"`);
  url.pathname = `/${name}`;
  await seedAccounts(createDb({ kind: 'server', url: url.toString(), poolMax: 1 }));
  return { env: { DATABASE_URL: url.toString() }, remove: () => onAdmin(`drop database if exists "${name}" with (force)`) };
}

async function embeddedDatabase(): Promise<Database> {
  const dir = mkdtempSync(join(tmpdir(), 'tm-e2e-'));
  await seedAccounts(createDb({ kind: 'embedded', dataDir: join(dir, 'pglite') }));
  return { env: { DATABASE_URL: undefined, DATA_DIR: join(dir, 'pglite') }, remove: async () => rmSync(dir, { recursive: true, force: true }) };
}

const ROOT = resolve(import.meta.dirname, '../..');

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** Builds client and server as `npm start` and the container run them, then starts that server on a fresh database. */
export default async function setup(project: TestProject) {
  // What `npm start` runs, built only when a source changed since the last build: the second pass of CI, on the
  // other database, reuses the first's. Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  await run(process.execPath, ['--import', 'tsx', join(ROOT, 'server/scripts/build-if-stale.ts')], ROOT, { ...process.env, NODE_ENV: 'production' });
  // The PostgreSQL server when DATABASE_URL names one, as for the API tests; the embedded database otherwise.
  const database = process.env.DATABASE_URL ? await serverDatabase(process.env.DATABASE_URL) : await embeddedDatabase();
  const server = await startServerProcess({
    ...database.env,
    // The journeys make the data they need; the national demo landscape would only slow the start.
    DEMO_DATA: 'false',
    CLIENT_DIST: join(ROOT, 'client/dist'),
  }, { bundled: true });
  const baseUrl = server.url;
  project.provide('baseUrl', baseUrl);

  return async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    await database.remove();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
