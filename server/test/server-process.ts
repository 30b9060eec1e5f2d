import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

const SOURCE = resolve(import.meta.dirname, '../src/main.ts');
const BUNDLE = resolve(import.meta.dirname, '../dist/main.mjs');

export type ServerProcess = {
  url: string;
  child: ChildProcess;
  /** Everything the process wrote so far, for failure messages. */
  output: () => string;
  exited: Promise<number | null>;
};

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Resolves once the health check answers 200; fails when the process stops first. */
export async function waitForHealth(server: ServerProcess): Promise<void> {
  for (;;) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) throw new Error(`The server stopped before it was ready:\n${server.output()}`);
    try {
      if ((await fetch(`${server.url}/api/v1/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The server in its own Node process, on a free port of the loopback interface, with the given environment on top
 * of this one: from its TypeScript sources, or `bundled` as `npm start` and the container run it (build it first).
 */
export async function startServerProcess(env: NodeJS.ProcessEnv, { bundled = false } = {}): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, bundled ? [BUNDLE] : ['--import', 'tsx', SOURCE], {
    cwd: resolve(import.meta.dirname, '../..'),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DEMO_DATA: 'false', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const server = { url: `http://127.0.0.1:${port}`, child, output: () => output, exited };
  await waitForHealth(server);
  return server;
}
