import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { processDatabase } from '../../server/test/process-database.ts';
import { startServerProcess } from '../../server/test/server-process.ts';

import { E2E_ACCOUNTS, E2E_PASSWORD } from './accounts.ts';

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
  const database = await processDatabase(Object.values(E2E_ACCOUNTS), E2E_PASSWORD);
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
