/**
 * `npm start`: builds what is stale, runs the bundled server as a child and prints its log lines readably. The server
 * stops with this launcher, every time:
 * - Ctrl-C (SIGINT to the terminal's whole process group) and SIGTERM reach the server, and the launcher exits only
 *   after it, with its exit code. The log lines are made readable in this process (pino-pretty as a library), so no
 *   pretty-printer can exit first and leave the server writing into a closed pipe.
 * - npm runs this through `sh -c`, which does not pass SIGTERM on and dies: the launcher notices that it lost its
 *   parent and stops the server as if it had been sent SIGTERM.
 * - A launcher that is killed outright (SIGKILL) closes its IPC channel to the server, which then stops by itself
 *   (`server/src/main.ts`).
 */
import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import pinoPretty from 'pino-pretty';

const root = resolve(import.meta.dirname, '../..');
// Runs at import: builds client and server when a source changed since their last build.
await import('./build-if-stale.ts');

const server = spawn(process.execPath, [resolve(root, 'server/dist/main.mjs')], {
  cwd: root,
  stdio: ['inherit', 'pipe', 'inherit', 'ipc'],
}) as ChildProcessByStdio<null, Readable, null>;
server.stdout.pipe(pinoPretty({ ignore: 'pid,hostname,service', destination: 1 }));

let stopping = false;
function stop(signal: NodeJS.Signals): void {
  if (stopping) return;
  stopping = true;
  // The server treats a second signal as the first (a Ctrl-C reaches it directly as well).
  server.kill(signal);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

const parent = process.ppid;
const orphaned = setInterval(() => {
  if (process.ppid !== parent) stop('SIGTERM');
}, 250);

server.once('exit', (code, signal) => {
  clearInterval(orphaned);
  process.exitCode = code ?? (signal ? 1 : 0);
});
