/**
 * On a PostgreSQL server the app runs as a role of its own, not as the owner of the schema (and never a superuser):
 * the owner migrates and gives it its rights; it reads and writes the data, adds to the audit trail and reads it,
 * and can neither rewrite that trail nor switch off its trigger nor touch the schema. The embedded database has
 * one user and is not concerned.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import type { Knex } from 'knex';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@tm/db/connection';
import { prepareDatabase, SchemaOutOfDate } from '@tm/db/prepare';
import { createApp } from '../src/app.ts';
import { hashPassword } from '../src/modules/accounts/passwords.ts';
import * as users from '../src/modules/accounts/users.repository.ts';
import { startServerProcess } from './server-process.ts';

const serverUrl = process.env.DATABASE_URL;

describe.runIf(serverUrl)('two database roles (PostgreSQL server)', () => {
  const id = randomBytes(4).toString('hex');
  const roles = { owner: `tm_owner_${id}`, runtime: `tm_app_${id}` };
  const database = `tm_roles_${id}`;
  let superuser: Knex;
  let owner: Knex;
  let runtime: Knex;

  const urlOf = (role: string, name = database) => {
    const url = new URL(serverUrl!);
    url.username = role;
    url.password = `${role}-password`;
    url.pathname = `/${name}`;
    return url.toString();
  };

  beforeAll(async () => {
    superuser = createDb({ kind: 'server', url: serverUrl!, poolMax: 1 });
    for (const role of Object.values(roles)) await superuser.raw(`create role ?? login password '${role}-password'`, [role]);
    await superuser.raw('create database ?? owner ??', [database, roles.owner]);
    owner = createDb({ kind: 'server', url: urlOf(roles.owner), poolMax: 1 });
    runtime = createDb({ kind: 'server', url: urlOf(roles.runtime), poolMax: 3 });
    await prepareDatabase(runtime, { owner });
  }, 120_000);

  afterAll(async () => {
    await owner?.destroy();
    await runtime?.destroy();
    for (const name of [database, `${database}_compose`]) await superuser?.raw('drop database if exists ?? with (force)', [name]);
    for (const role of Object.values(roles)) await superuser?.raw('drop role if exists ??', [role]);
    await superuser?.destroy();
  });

  const refusal = (work: Promise<unknown>) => work.then(() => 'allowed', (error: { code?: string }) => error.code);

  it('when the server runs as its own role, then people log in, write, and every write lands in the audit trail', async () => {
    const password = 'een-lang-wachtwoord-voor-rollen';
    await users.insert(runtime, { email: 'cio@rollen.test', name: 'CIO', role: 'editor', municipalityCodes: ['GM0546'], passwordHash: await hashPassword(password) });
    const browser = supertest.agent(createApp({ db: runtime }));
    const session = await browser.post('/api/v1/sessions').send({ email: 'cio@rollen.test', password }).expect(201);
    const made = await browser.post('/api/v1/municipalities/GM0546/applications').set('X-CSRF-Token', session.body.csrfToken).send({ name: 'Zaaksysteem' }).expect(201);
    await browser.get('/api/v1/progress/national').expect(200);
    expect(await runtime('audit_events').where({ entity_id: made.body.id }).pluck('action')).toEqual(['application.created']);
    expect((await runtime.raw('select rolsuper from pg_roles where rolname = current_user')).rows[0].rolsuper).toBe(false);
  });

  it('when that role tries to rewrite the audit trail, switch off its trigger or change the schema, then PostgreSQL refuses each', async () => {
    const attempts = {
      update: runtime.raw(`update audit_events set action = 'rewritten'`),
      delete: runtime.raw('delete from audit_events'),
      truncate: runtime.raw('truncate audit_events'),
      disableTrigger: runtime.raw('alter table audit_events disable trigger audit_events_append_only'),
      dropTrigger: runtime.raw('drop trigger audit_events_append_only on audit_events'),
      alterTable: runtime.raw('alter table applications add column smuggled text'),
      createTable: runtime.raw('create table smuggled (id int)'),
      migrationRecord: runtime.raw(`insert into knex_migrations (name, batch, migration_time) values ('smuggled', 99, now())`),
    };
    const outcomes = Object.fromEntries(await Promise.all(Object.entries(attempts).map(async ([name, work]) => [name, await refusal(work)])));
    // 42501: insufficient privilege; 42501 is also what "must be owner" raises.
    expect(outcomes).toEqual(Object.fromEntries(Object.keys(attempts).map((name) => [name, '42501'])));
    expect(await refusal(runtime('audit_events').insert({ actor_name: 'test', action: 'test.appended', entity_type: 'test' }))).toBe('allowed');
  });

  it('when the server starts again as that role alone, then it leaves the migrations to the owner; with one pending, it says so and what to do', async () => {
    await prepareDatabase(runtime);
    const [last] = await owner('knex_migrations').orderBy('id', 'desc').limit(1).select('*');
    await owner('knex_migrations').where({ id: last.id }).delete();
    try {
      const error = await prepareDatabase(runtime).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(SchemaOutOfDate);
      expect((error as Error).message).toMatch(new RegExp(`${last.name}.*DATABASE_OWNER_URL`));
    } finally {
      await owner('knex_migrations').insert(last);
    }
  });

  it('when the database is prepared in a step of its own, as docker-compose.yml does, then the server starts as its own role without the owner', async () => {
    const fresh = `${database}_compose`;
    await superuser.raw('create database ?? owner ??', [fresh, roles.owner]);
    const prepared = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, '../src/main.ts'), '--prepare-only'], {
      cwd: resolve(import.meta.dirname, '../..'),
      env: { ...process.env, DATABASE_URL: urlOf(roles.runtime, fresh), DATABASE_OWNER_URL: urlOf(roles.owner, fresh), DEMO_DATA: 'false', LOG_LEVEL: 'warn' },
      stdio: 'inherit',
    });
    expect(await new Promise((done) => prepared.once('exit', done))).toBe(0);
    const server = await startServerProcess({ DATABASE_URL: urlOf(roles.runtime, fresh) });
    try {
      expect((await fetch(`${server.url}/api/v1/progress/national`)).status).toBe(200);
    } finally {
      server.child.kill('SIGTERM');
      await server.exited;
    }
  }, 120_000);
});
