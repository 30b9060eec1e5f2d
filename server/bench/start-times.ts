/**
 * How long the server `npm start` runs (the bundle) takes on the embedded database until the health check answers
 * 200: first into an empty DATA_DIR (migrations, reference data and the demo landscape), then again on the data it
 * left. npm's own start-up and the check that the builds are current come on top (about a second).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { startServerProcess, type ServerProcess } from '../test/server-process.ts';

export type StartTimes = { firstMs: number; laterMs: number };

async function timedStart(dataDir: string): Promise<{ ms: number; server: ServerProcess }> {
  const started = performance.now();
  // The embedded database even when DATABASE_URL points the rest of the benchmark at a server.
  const server = await startServerProcess({ DATABASE_URL: undefined, DATA_DIR: dataDir, DEMO_DATA: undefined }, { bundled: true });
  return { ms: performance.now() - started, server };
}

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  await server.exited;
}

/** The server as `npm start` and the container run it, for every measurement that starts one. */
export function bundleServer(): void {
  const bundling = spawnSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, '../scripts/bundle.ts')], { stdio: 'inherit' });
  if (bundling.status !== 0) throw new Error('bundling the server failed');
}

/** Expects the bundle to be current (`bundleServer`). */
export async function measureStartTimes(): Promise<StartTimes> {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'tm-bench-start-')), 'pglite');
  const first = await timedStart(dataDir);
  await stop(first.server);
  const later = await timedStart(dataDir);
  await stop(later.server);
  rmSync(dirname(dataDir), { recursive: true, force: true });
  return { firstMs: first.ms, laterMs: later.ms };
}
