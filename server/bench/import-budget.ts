/**
 * Import budgets (PRODUCT §8): an XLSX of 1,000 rows, dry run plus commit, under 1 s, and of 10,000 rows under 5 s,
 * on a fresh database of the PostgreSQL server of DATABASE_URL (or the embedded one without it). Part of
 * `npm run bench`.
 */
import { performance } from 'node:perf_hooks';
import supertest from 'supertest';
import { openTestDb, prepareTestTemplate } from '@tm/db/testing';
import { createApp } from '../src/app.ts';
import { hashPassword } from '../src/modules/accounts/passwords.ts';
import * as users from '../src/modules/accounts/users.repository.ts';
import { xlsx, type Cells } from '../test/spreadsheets.ts';

export const IMPORT_BUDGETS_MS = { 1_000: 1_000, 10_000: 5_000 } as const;
const CODE = 'GM0546';
const LARGE = 'GM0599';

const LAYERS = ['Interactie', 'Proces', 'Integratie', 'Services', 'Data'];
const STATUSES = ['Legacy', 'In transitie', 'Common Ground'];
const LIFECYCLES = ['In productie', 'In productie', 'Uit te faseren', 'Gepland'];

export type ImportTiming = { label: string; rows: number; dryMs: number; commitMs: number; againMs: number };

export async function measureImport(): Promise<ImportTiming[]> {
  await prepareTestTemplate();
  const testDb = await openTestDb();
  try {
    // Imports need an editor of the municipality: one for every municipality the benchmark fills.
    const password = 'bench-password';
    await users.insert(testDb.db, { email: 'bench@bench.local', name: 'Benchmark', role: 'editor', municipalityCodes: [CODE, 'GM0014', 'GM0363', LARGE], passwordHash: await hashPassword(password) });
    const api = supertest.agent(createApp({ db: testDb.db }));
    const session = await api.post('/api/v1/sessions').send({ email: 'bench@bench.local', password }).expect(201);
    api.set('X-CSRF-Token', session.body.csrfToken as string);
    const references = (await api.get('/api/v1/reference-components')).body.items as { name: string }[];
    const fileOf = (count: number) => xlsx([
      ['Naam', 'Leverancier', 'Product', 'Versie', 'Referentiecomponenten', 'Laag', 'Status', 'Gebruiksstatus', 'Ingangsdatum', 'Gepland vervangjaar', 'Jaarlijkse kosten', 'Opmerkingen'],
      ...Array.from({ length: count }, (_, i): Cells => [
        `Applicatie ${i + 1}`,
        `Leverancier ${i % 97}`,
        `Product ${i % 31}`,
        `${1 + (i % 9)}.${i % 4}`,
        `${references[i % references.length]!.name}; ${references[(i * 7) % references.length]!.name}`,
        LAYERS[i % LAYERS.length],
        STATUSES[i % STATUSES.length],
        LIFECYCLES[i % LIFECYCLES.length],
        new Date(Date.UTC(2015 + (i % 10), i % 12, 1 + (i % 28))),
        2026 + (i % 8),
        `${(i * 137) % 90_000},${i % 100}`,
        i % 5 === 0 ? `Opmerking bij regel ${i + 2}` : null,
      ]),
    ]);

    const time = async (code: string, mode: string, file: Buffer) => {
      const start = performance.now();
      const res = await api.post(`/api/v1/municipalities/${code}/imports?mode=${mode}`).attach('file', file, 'bench.xlsx');
      const ms = performance.now() - start;
      if (res.status !== 200) throw new Error(`${mode} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 500)}`);
      return { ms, body: res.body as { created: number; unchanged: number; errors: unknown[] } };
    };
    const pair = async (code: string, rows: number, file: Buffer) => {
      const dry = await time(code, 'dry-run', file);
      const commit = await time(code, 'commit', file);
      const again = await time(code, 'commit', file);
      if (dry.body.created !== rows || commit.body.created !== rows || again.body.unchanged !== rows) throw new Error('The import did not do what it should');
      return { dry, commit, again };
    };
    const timings: ImportTiming[] = [];
    // The first import of a process also pays for compiling the import code paths; a running server has done that.
    const runs = [
      ['first import of the process', 'GM0014', 1_000],
      ['running server', CODE, 1_000],
      ['running server, again', 'GM0363', 1_000],
      ['running server', LARGE, 10_000],
    ] as const;
    for (const [label, code, rows] of runs) {
      const { dry, commit, again } = await pair(code, rows, await fileOf(rows));
      timings.push({ label, rows, dryMs: dry.ms, commitMs: commit.ms, againMs: again.ms });
    }
    return timings;
  } finally {
    await testDb.close();
  }
}

