/**
 * The compose deployment's database, without Docker: the postgres image's init script run on a new cluster makes
 * the two roles and the database, the migration step prepares it as the owner, and the server runs as the app's
 * role, which cannot rewrite the audit trail.
 */
import { execFileSync, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '@tm/db/connection';
import { startServerProcess } from '../server-process.ts';
import { createPrivateCluster, type PrivateCluster } from './private-cluster.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const PASSWORDS = { TM_OWNER_PASSWORD: 'owner-secret', TM_APP_PASSWORD: 'app-secret' };

let cluster: PrivateCluster;
beforeAll(async () => {
  cluster = await createPrivateCluster();
});
afterAll(() => cluster?.destroy());

describe("docker-compose.yml's database roles", () => {
  it('when the init script, the migration step and the app run as compose runs them, then the app serves as its own role and cannot rewrite the audit trail', async () => {
    const { port } = new URL(cluster.url);
    execFileSync('sh', [resolve(ROOT, 'deploy/postgres/create-roles.sh')], {
      env: { ...process.env, ...PASSWORDS, POSTGRES_USER: 'postgres', PGHOST: '127.0.0.1', PGPORT: port },
      stdio: 'pipe',
    });
    const url = (role: string, password: string) => `postgres://${role}:${password}@127.0.0.1:${port}/transitiemonitor`;
    const app = url('transitiemonitor_app', PASSWORDS.TM_APP_PASSWORD);
    const prepared = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'server/src/main.ts'), '--prepare-only'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: app, DATABASE_OWNER_URL: url('transitiemonitor_owner', PASSWORDS.TM_OWNER_PASSWORD), DEMO_DATA: 'false', LOG_LEVEL: 'warn' },
      stdio: 'inherit',
    });
    expect(await new Promise((done) => prepared.once('exit', done))).toBe(0);

    const server = await startServerProcess({ DATABASE_URL: app });
    const asApp = createDb({ kind: 'server', url: app, poolMax: 1 });
    try {
      expect((await fetch(`${server.url}/api/v1/progress/national`)).status).toBe(200);
      // The job runner keeps its queues in a schema of its own, which the app's role may make.
      for (let tries = 0; tries < 100 && !(await asApp.raw(`select to_regclass('pgboss.queue') as t`)).rows[0].t; tries++)
        await new Promise((r) => setTimeout(r, 100));
      expect((await asApp.raw(`select count(*)::int as n from pgboss.queue where name = 'reminders'`)).rows[0].n).toBe(1);
      expect(server.output()).not.toMatch(/reminders not scheduled/);
      const rewrite = await asApp.raw('delete from audit_events').then(() => 'allowed', (error: { code?: string }) => error.code);
      expect(rewrite).toBe('42501');
    } finally {
      await asApp.destroy();
      server.child.kill('SIGTERM');
      await server.exited;
    }
  });
});
