/**
 * Bundles the server, with the db and shared workspaces, into one ES module that plain Node runs. Loading the
 * TypeScript sources through tsx costs seconds at every start (resolving and transforming a few hundred files);
 * the bundle keeps later starts within their budget. npm packages stay outside the bundle: they are installed.
 */
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const workspaceManifests = ['../../server/package.json', '../../db/package.json', '../../shared/package.json', '../../client/package.json'];

function installedPackages(): string[] {
  const names = new Set<string>();
  for (const manifest of workspaceManifests) {
    const { dependencies = {} } = JSON.parse(readFileSync(new URL(manifest, import.meta.url), 'utf8')) as { dependencies?: Record<string, string> };
    for (const name of Object.keys(dependencies)) if (!name.startsWith('@tm/')) names.add(name);
  }
  return [...names].flatMap((name) => [name, `${name}/*`]);
}

await build({
  // Worker threads load modules of their own: the spreadsheet reader (see read-file.ts) and the report describer (see
  // report-describer.ts), which bundles the client's charts and words.
  entryPoints: [
    new URL('../src/main.ts', import.meta.url).pathname,
    new URL('../src/modules/imports/spreadsheet-worker.ts', import.meta.url).pathname,
    new URL('../../client/src/features/progress/report/report-worker.ts', import.meta.url).pathname,
  ],
  outdir: new URL('../dist', import.meta.url).pathname,
  entryNames: '[name]',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // What a module imports dynamically stays a chunk of its own, loaded then: the report worker must make its DOM before
  // React DOM and Recharts load, which a single file would load first (its imports are hoisted).
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  sourcemap: true,
  external: installedPackages(),
  logLevel: 'warning',
});
