/**
 * The JavaScript a page loads before its first screen answers (PRODUCT §8: under 200 KB gzipped): the page's entry
 * (`src/start.ts`), the app it starts (`src/main.tsx`) and every module they import, read from the build's manifest.
 * Screens' own code, loaded by the router, is not counted; the first screen does not wait for it. Shared by the
 * bench's report and the browser test that holds the budget.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

type ManifestChunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[] };

export function initialJavaScript(dist: string): { bytes: number; files: string[] } {
  const manifest = JSON.parse(readFileSync(resolve(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const files = new Set<string>();
  const load = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    chunk.imports?.forEach(load);
  };
  // The entry starts the app by a dynamic import once the first screen has painted: both count.
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) [key, ...(chunk.dynamicImports ?? [])].forEach(load);
  return { bytes: [...files].reduce((sum, file) => sum + gzipSync(readFileSync(resolve(dist, file))).length, 0), files: [...files] };
}
