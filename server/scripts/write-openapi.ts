/** Writes the OpenAPI document (the same one the server serves) to a file, for linting and publishing. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { apiServerUrl, buildApiDocs } from '../src/app.ts';

const target = resolve(process.env.INIT_CWD ?? process.cwd(), process.argv[2] ?? 'openapi.json');
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, JSON.stringify(buildApiDocs().document(apiServerUrl(process.env.PUBLIC_URL)), null, 2));
console.info(`OpenAPI document written to ${target}`);
