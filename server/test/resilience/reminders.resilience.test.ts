/**
 * PRODUCT §11: reminders go once per occasion "whatever restarts or how many server instances run". Two servers on
 * one PostgreSQL, each with its job runner (pg-boss) and its own admin calling for runs; the SMTP server going away
 * and coming back; a server killed in the middle of a run; the database going away in the middle of one.
 */
import { describe, expect, it } from 'vitest';
import { createDb } from '@tm/db/connection';
import { prepareDatabase } from '@tm/db/prepare';
import { hashPassword } from '../../src/modules/accounts/passwords.ts';
import * as users from '../../src/modules/accounts/users.repository.ts';
import { startServerProcess, type ServerProcess } from '../server-process.ts';
import { startTestSmtp, type TestSmtp } from '../smtp.ts';
import { eventually } from './eventually.ts';
import { usePrivateCluster } from './private-cluster.ts';

const ADMIN = { email: 'admin@resilience.test', password: 'resilience-admin-password' };

const { cluster, db, servers } = usePrivateCluster(async (url) => {
  const setup = createDb({ kind: 'server', url, poolMax: 1 });
  try {
    await prepareDatabase(setup);
    await users.insert(setup, { email: ADMIN.email, name: 'Admin', role: 'admin', municipalityCodes: [], passwordHash: await hashPassword(ADMIN.password) });
  } finally {
    await setup.destroy();
  }
});

/** Editors of municipalities never attested, so each is due one reminder. */
async function editors(prefix: string, count: number): Promise<string[]> {
  const codes = (await db()('municipalities').orderBy('code').limit(count).pluck('code')) as string[];
  const emails = codes.map((_c, i) => `${prefix}-${i}@resilience.test`);
  // The password does not matter: these accounts only receive mail.
  const passwordHash = await hashPassword('not-used-in-this-test');
  for (const [i, email] of emails.entries()) await users.insert(db(), { email, name: `Editor ${i}`, role: 'editor', municipalityCodes: [codes[i]!], passwordHash });
  return emails;
}

async function start(smtp: TestSmtp): Promise<ServerProcess> {
  const server = await startServerProcess({ DATABASE_URL: cluster().url, SMTP_URL: smtp.url });
  servers.push(server);
  return server;
}

async function runReminders(server: ServerProcess): Promise<{ sent: number; failed: number }> {
  const login = await fetch(`${server.url}/api/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const res = await fetch(`${server.url}/api/v1/reminder-runs`, { method: 'POST', headers: { cookie, 'x-csrf-token': csrfToken } });
  expect(res.status).toBe(200);
  return (await res.json()) as { sent: number; failed: number };
}

const countTo = (smtp: TestSmtp, emails: string[]) => emails.map((e) => smtp.mails.filter((m) => m.to.includes(e)).length);

async function settle(smtp: TestSmtp, emails: string[]): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (countTo(smtp, emails).some((n) => n === 0) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  // And a moment more, for a second mail that should not come.
  await new Promise((r) => setTimeout(r, 1_500));
}

const stopAll = async () => {
  for (const s of servers.splice(0)) {
    if (s.child.exitCode !== null || s.child.signalCode !== null) continue;
    s.child.kill('SIGTERM');
    await s.exited;
  }
};

/** Runs `test` with an SMTP server of its own, and stops it and every server the test started afterwards. */
async function withSmtp(test: (smtp: TestSmtp) => Promise<void>, options: { acceptAfterMs?: number } = {}): Promise<void> {
  const smtp = await startTestSmtp(options);
  try {
    await test(smtp);
  } finally {
    await stopAll();
    await smtp.stop();
  }
}

describe('reminders on several servers', () => {
  it('when two servers start on one database and both are asked for runs, then each editor gets one mail', () =>
    withSmtp(async (smtp) => {
      const emails = await editors('twice', 12);
      const [a, b] = await Promise.all([start(smtp), start(smtp)]);
      // The job runners' start-up runs, and two admins asking at the same moment on both servers.
      await Promise.all([runReminders(a!), runReminders(b!), runReminders(a!), runReminders(b!)]);
      await settle(smtp, emails);
      expect(countTo(smtp, emails)).toEqual(emails.map(() => 1));
    }));

  it('when the SMTP server is stopped and started again, then the reminders wait for it and go once', () =>
    withSmtp(async (smtp) => {
      const [a, b] = await Promise.all([start(smtp), start(smtp)]);
      await new Promise((r) => setTimeout(r, 3_000));
      await smtp.stop();
      const emails = await editors('outage', 8);
      expect((await runReminders(a!)).failed).toBe(emails.length);
      expect((await runReminders(b!)).sent).toBe(0);
      await smtp.start();
      await Promise.all([runReminders(a!), runReminders(b!)]);
      await settle(smtp, emails);
      expect(countTo(smtp, emails)).toEqual(emails.map(() => 1));
    }));

  it('when a server is killed in the middle of a run, then after a restart every editor has had the reminder, one at most twice', () =>
    // Each mail takes the SMTP server a while to accept, so the kill comes while one is on its way.
    withSmtp(
      async (smtp) => {
        const emails = await editors('killed', 40);
        // No run is asked for: the job runner's start-up run is what gets killed.
        const server = await start(smtp);
        await eventually('the start-up run to send mails', () => smtp.mails.length >= 5);
        server.child.kill('SIGKILL');
        await server.exited;
        expect(smtp.mails.length).toBeLessThan(emails.length);
        await runReminders(await start(smtp));
        await settle(smtp, emails);
        const counts = countTo(smtp, emails);
        expect(counts.every((n) => n >= 1)).toBe(true);
        // The one mail the SMTP server may have accepted just before the kill, without the record of it committing.
        expect(counts.filter((n) => n > 1).length).toBeLessThanOrEqual(1);
      },
      { acceptAfterMs: 100 },
    ));
  it('when the database goes away in the middle of a run, then the server stays up and the reminders go once it is back', () =>
    withSmtp(
      async (smtp) => {
        const emails = await editors('database', 40);
        // A run a killed server left active holds the queue (one run at a time) until it expires, in 15 minutes.
        await db()('pgboss.job').where({ name: 'reminders', state: 'active' }).delete();
        const server = await start(smtp);
        await eventually('the start-up run to send mails', () => smtp.mails.length >= 5);
        cluster().stop('immediate');
        // Long enough for the run to fail and for its outcome to be reported to the job runner's database.
        await new Promise((r) => setTimeout(r, 3_000));
        expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(503);
        cluster().start();
        await eventually('the health check to answer 200 again', async () => (await fetch(`${server.url}/api/v1/health`)).status === 200);
        await runReminders(server);
        await settle(smtp, emails);
        expect(server.child.exitCode, server.output()).toBeNull();
        const counts = countTo(smtp, emails);
        expect(counts.every((n) => n >= 1)).toBe(true);
        // The one mail the SMTP server may have accepted as the database went, without the record of it committing.
        expect(counts.filter((n) => n > 1).length).toBeLessThanOrEqual(1);
      },
      { acceptAfterMs: 100 },
    ));
});
