/**
 * `npm start` as a user runs it, stopped the ways a user stops it. Whatever way, nothing of it may keep running: a
 * server left behind holds the port and the embedded database, and the next start fails.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { repeatOnAnotherDatabase } from '@tm/db/test-repeat';
import { freePort } from './server-process.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'tm-start-'));
let started: { npm: ChildProcess; url: string; output: () => string } | undefined;

/** `npm start` in a process group of its own, as a terminal runs it; resolves once the server answers. */
async function npmStart(): Promise<NonNullable<typeof started>> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: join(dataDir, 'pglite'), DEMO_DATA: 'false' };
  // The embedded database, whatever the test run's DATABASE_URL; a build for production, as a user's start makes it.
  delete env.DATABASE_URL;
  env.NODE_ENV = 'production';
  const npm = spawn('npm', ['start'], { cwd: ROOT, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  npm.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  npm.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (;;) {
    if (npm.exitCode !== null) throw new Error(`npm start ended before the server answered:\n${output}`);
    try {
      if ((await fetch(`${url}/api/v1/health`)).ok) break;
    } catch {
      // Still building or starting.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  started = { npm, url, output: () => output };
  return started;
}

/** Whether any process of the group that `npm start` leads is still alive. */
function groupAlive(npm: ChildProcess): boolean {
  try {
    process.kill(-npm.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

async function expectAllStopped(run: NonNullable<typeof started>): Promise<void> {
  for (let waited = 0; groupAlive(run.npm); waited += 100) {
    if (waited > 20_000) throw new Error(`still running 20 s after the stop:\n${execFileSync('ps', ['-o', 'pid,stat,args', '-g', String(run.npm.pid)]).toString()}\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  await expect(fetch(`${run.url}/api/v1/health`)).rejects.toThrow();
}

afterEach(() => {
  if (started && groupAlive(started.npm)) process.kill(-started.npm.pid!, 'SIGKILL');
  started = undefined;
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Always on the embedded database (see npmStart), so a repeat of the run on another database would repeat it exactly.
describe.skipIf(repeatOnAnotherDatabase)('npm start', { timeout: 300_000 }, () => {
  it('when Ctrl-C is pressed (SIGINT to the whole process group), then the server stops and nothing keeps running', async () => {
    const run = await npmStart();
    process.kill(-run.npm.pid!, 'SIGINT');
    await expectAllStopped(run);
    expect(run.output()).toContain('stopped');
  });

  it('when npm alone is sent SIGTERM, then the server stops too', async () => {
    const run = await npmStart();
    run.npm.kill('SIGTERM');
    await expectAllStopped(run);
  });

  it('when the launcher is killed outright, then the server stops by itself', async () => {
    const run = await npmStart();
    const launcher = execFileSync('pgrep', ['-g', String(run.npm.pid), '-f', 'server/scripts/start.ts']).toString().trim().split('\n');
    for (const pid of launcher) process.kill(Number(pid), 'SIGKILL');
    await expectAllStopped(run);
  });
});
