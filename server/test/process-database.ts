/**
 * A fresh database for a server in its own process (the browser journeys, the fuzzing), with the accounts it needs put
 * in before the server starts, the way an operator creates the first ones: a fresh database has no accounts and the
 * API makes none without an admin. A database of its own on the PostgreSQL server DATABASE_URL names, as the API
 * tests there use; the embedded database in a directory of its own otherwise.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import type { Role } from '@tm/shared/schemas/account';
import { createDb } from '@tm/db/connection';
import { prepareDatabase } from '@tm/db/prepare';
import { ACQUIRE_TIMEOUT_MS, withAdmin } from '@tm/db/testing';
import { hashPassword } from '../src/modules/accounts/passwords.ts';
import * as users from '../src/modules/accounts/users.repository.ts';

export type ProcessAccount = { email: string; name: string; role: Role; municipalityCodes: readonly string[] };
/** The environment that points a server process at the database, and how to remove it afterwards. */
export type ProcessDatabase = { env: NodeJS.ProcessEnv; remove: () => Promise<void> };

async function seedAccounts(db: Knex, accounts: readonly ProcessAccount[], password: string): Promise<void> {
  try {
    await prepareDatabase(db);
    const passwordHash = await hashPassword(password);
    for (const account of accounts) await users.insert(db, { ...account, municipalityCodes: [...account.municipalityCodes], passwordHash });
  } finally {
    await db.destroy();
  }
}

async function serverDatabase(serverUrl: string, accounts: readonly ProcessAccount[], password: string): Promise<ProcessDatabase> {
  const url = new URL(serverUrl);
  const name = `${url.pathname.slice(1) || 'postgres'}_process_${randomBytes(4).toString('hex')}`;
  const onAdmin = (sql: string) => withAdmin((admin) => admin.raw(sql), serverUrl);
  await onAdmin(`create database "${name}"`);
  url.pathname = `/${name}`;
  await seedAccounts(createDb({ kind: 'server', url: url.toString(), poolMax: 1, acquireTimeoutMs: ACQUIRE_TIMEOUT_MS }), accounts, password);
  return { env: { DATABASE_URL: url.toString() }, remove: () => onAdmin(`drop database if exists "${name}" with (force)`) };
}

async function embeddedDatabase(accounts: readonly ProcessAccount[], password: string): Promise<ProcessDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'tm-process-'));
  await seedAccounts(createDb({ kind: 'embedded', dataDir: join(dir, 'pglite') }), accounts, password);
  return { env: { DATABASE_URL: undefined, DATA_DIR: join(dir, 'pglite') }, remove: async () => rmSync(dir, { recursive: true, force: true }) };
}

export function processDatabase(accounts: readonly ProcessAccount[], password: string): Promise<ProcessDatabase> {
  return process.env.DATABASE_URL ? serverDatabase(process.env.DATABASE_URL, accounts, password) : embeddedDatabase(accounts, password);
}
