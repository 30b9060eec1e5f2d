/**
 * Fresh, fully migrated databases for tests, cheaply: one template is prepared per test run and every test file
 * gets its own copy, so no test depends on another's rows. Embedded by default; a PostgreSQL server when
 * DATABASE_URL is set.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knex } from 'knex';
import { createDb, createPglite, knexOnPglite } from './connection.ts';
import { prepareDatabase } from './prepare.ts';

const TEMPLATE_FILE = join(dirname(fileURLToPath(import.meta.url)), '../../.data/test-template/pglite.tar');

function serverUrl(database: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * One template per checkout: test runs of several checkouts on one PostgreSQL server (engineers' worktrees, CI)
 * would otherwise drop each other's template while copying it.
 */
function templateName(): string {
  const checkout = createHash('sha1').update(fileURLToPath(import.meta.url)).digest('hex').slice(0, 8);
  return `${new URL(process.env.DATABASE_URL!).pathname.slice(1) || 'postgres'}_tm_template_${checkout}`;
}

/**
 * Tests run beside the browser journeys on one small machine, where a new connection to the server has been seen to
 * take longer than the application's 5 s: a test waits for it rather than failing on the machine's load.
 */
export const ACQUIRE_TIMEOUT_MS = 60_000;

/** One connection to the server, for creating and dropping databases, closed after the work. */
export async function withAdmin<T>(work: (admin: Knex) => Promise<T>, url = process.env.DATABASE_URL!): Promise<T> {
  const admin = createDb({ kind: 'server', url, poolMax: 1, acquireTimeoutMs: ACQUIRE_TIMEOUT_MS });
  try {
    return await work(admin);
  } finally {
    await admin.destroy();
  }
}

export async function prepareTestTemplate(): Promise<void> {
  if (process.env.DATABASE_URL) {
    const template = templateName();
    await withAdmin(async (admin) => {
      await admin.raw(`drop database if exists "${template}" with (force)`);
      await admin.raw(`create database "${template}"`);
    });
    const db = createDb({ kind: 'server', url: serverUrl(template), poolMax: 1, acquireTimeoutMs: ACQUIRE_TIMEOUT_MS });
    await prepareDatabase(db);
    await db.destroy();
    return;
  }
  const pglite = createPglite({ kind: 'embedded', dataDir: null });
  const templateDb = knexOnPglite(pglite);
  await prepareDatabase(templateDb);
  const dump = await pglite.dumpDataDir('none');
  mkdirSync(dirname(TEMPLATE_FILE), { recursive: true });
  writeFileSync(TEMPLATE_FILE, Buffer.from(await dump.arrayBuffer()));
  await templateDb.destroy();
}

export type TestDb = { db: Knex; close: () => Promise<void> };

export async function openTestDb(): Promise<TestDb> {
  if (process.env.DATABASE_URL) {
    const name = `tm_test_${randomBytes(6).toString('hex')}`;
    await withAdmin((admin) => admin.raw(`create database "${name}" template "${templateName()}"`));
    const db = createDb({ kind: 'server', url: serverUrl(name), poolMax: 5, acquireTimeoutMs: ACQUIRE_TIMEOUT_MS });
    return {
      db,
      close: async () => {
        await db.destroy();
        await withAdmin((admin) => admin.raw(`drop database if exists "${name}" with (force)`));
      },
    };
  }
  const db = createDb({ kind: 'embedded', dataDir: null, loadDataDir: new TemplateBlob(templateBytes()) });
  return { db, close: () => db.destroy() };
}

let template: Uint8Array | undefined;
function templateBytes(): Uint8Array {
  // A plain array, not the Buffer itself, whose slice() would share its memory instead of copying it.
  template ??= new Uint8Array(readFileSync(TEMPLATE_FILE));
  return template;
}

/**
 * The template as PGlite reads it (it asks only for the bytes), each copy its own. Node 20 reads a Blob's bytes back
 * in chunks it then joins: for the 43 MB template, a third of the processor time of starting a test's database.
 */
class TemplateBlob extends Blob {
  constructor(private readonly content: Uint8Array) {
    super([]);
  }

  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.content.slice().buffer);
  }
}
