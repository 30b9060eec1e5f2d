/**
 * `npm start` serves the built client and the bundled server. A build takes longer than a start, so each is built
 * only when one of its sources is newer than what its last build wrote (a fresh clone builds both).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

const builds = [
  {
    workspace: 'client',
    output: 'client/dist/index.html',
    sources: ['client/src', 'client/public', 'client/index.html', 'client/vite.config.ts', 'shared/src', 'package-lock.json'],
  },
  {
    workspace: 'server',
    output: 'server/dist/main.mjs',
    // The report worker bundles the client's charts and words.
    sources: ['server/src', 'server/scripts/bundle.ts', 'db/src', 'db/migrations', 'db/seeds', 'db/reference', 'shared/src', 'client/src', 'package-lock.json'],
  },
];

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(join(path, entry))));
}

for (const { workspace, output, sources } of builds) {
  const builtFile = resolve(root, output);
  const builtAt = existsSync(builtFile) ? statSync(builtFile).mtimeMs : 0;
  const changedAt = Math.max(...sources.map((source) => newestChange(resolve(root, source))));
  if (changedAt <= builtAt) continue;
  const result = spawnSync('npm', ['run', 'build', '--workspace', workspace], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
