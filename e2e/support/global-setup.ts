import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDb } from '@tm/db/connection';
import { prepareDatabase } from '@tm/db/prepare';
import { hashPassword } from '../../server/src/modules/accounts/passwords.ts';
import * as users from '../../server/src/modules/accounts/users.repository.ts';

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

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? done() : fail(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server stopped before it was ready:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
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
  const port = await freePort();
  let output = '';
  // Always the embedded database, even when the shell points DATABASE_URL at a server for the API tests.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  const server = spawn(process.execPath, [join(ROOT, 'server/dist/main.mjs')], {
    cwd: ROOT,
    env: {
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(dataDir, 'pglite'),
      // The journeys make the data they need; the national demo landscape would only slow the start.
      DEMO_DATA: 'false',
      CLIENT_DIST: join(ROOT, 'client/dist'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, server, () => output);
  project.provide('baseUrl', baseUrl);

  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
