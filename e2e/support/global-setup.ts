import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
async function seedAccounts(dataDir: string): Promise<void> {
  const db = createDb({ kind: 'embedded', dataDir });
  try {
    await prepareDatabase(db);
    const passwordHash = await hashPassword(E2E_PASSWORD);
    for (const account of Object.values(E2E_ACCOUNTS))
      await users.insert(db, { ...account, municipalityCodes: [...account.municipalityCodes], passwordHash });
  } finally {
    await db.destroy();
  }
}

const ROOT = resolve(import.meta.dirname, '../..');

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

/** Builds client and server as `npm start` and the container run them, then starts that server on a fresh embedded database. */
export default async function setup(project: TestProject) {
  await run(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], join(ROOT, 'client'), {
    ...process.env,
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    NODE_ENV: 'production',
  });
  await run(process.execPath, ['--import', 'tsx', join(ROOT, 'server/scripts/bundle.ts')], ROOT, process.env);
  const dataDir = mkdtempSync(join(tmpdir(), 'tm-e2e-'));
  await seedAccounts(join(dataDir, 'pglite'));
  const server = await startServerProcess({
    // Always the embedded database, even when the shell points DATABASE_URL at a server for the API tests.
    DATABASE_URL: undefined,
    DATA_DIR: join(dataDir, 'pglite'),
    // The journeys make the data they need; the national demo landscape would only slow the start.
    DEMO_DATA: 'false',
    CLIENT_DIST: join(ROOT, 'client/dist'),
  }, { bundled: true });
  const baseUrl = server.url;
  project.provide('baseUrl', baseUrl);

  return async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
