/**
 * The server killed outright (SIGKILL: no shutdown, no rollback of its own) while an import's transaction is
 * writing: after a restart nothing of that import exists, because PostgreSQL rolls back what was not committed.
 */
import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { csv } from '../spreadsheets.ts';
import { startServerProcess } from '../server-process.ts';
import { logIn, prepareWithEditor } from './accounts.ts';
import { usePrivateCluster } from './private-cluster.ts';

// Enough rows that the commit takes a while even on a fast machine.
const ROWS = 20_000;

const { cluster, db, servers } = usePrivateCluster(prepareWithEditor);

async function importTraces(): Promise<Record<string, number>> {
  const count = async (query: Knex.QueryBuilder) => Number(((await query.count({ n: '*' })) as { n: number }[])[0]!.n);
  return {
    applications: await count(db()('applications').where({ municipality_code: 'GM0546' })),
    events: await count(db()('application_events').where({ municipality_code: 'GM0546' })),
    audit: await count(db()('audit_events').where('action', 'like', '%import%')),
  };
}

describe('the server killed during an import commit', () => {
  it('when the process dies while the import transaction is writing, then after a restart nothing of that import exists', async () => {
    const server = await startServerProcess({ DATABASE_URL: cluster().url });
    servers.push(server);
    const session = await logIn(server.url);
    const file = csv([['Naam', 'Leverancier', 'Status', 'Ingangsdatum'], ...Array.from({ length: ROWS }, (_, i) => [`Toepassing ${i}`, `Leverancier ${i % 50}`, 'Legacy', '01-01-2020'])]);
    const form = new FormData();
    form.append('file', new Blob([file], { type: 'text/csv' }), 'groot.csv');
    const answer = fetch(`${server.url}/api/v1/municipalities/GM0546/imports?mode=commit`, {
      method: 'POST',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
      body: form,
    }).then((res) => `answered ${res.status}`, (error: unknown) => `no answer: ${String((error as Error).cause ?? error)}`);

    // Writing to applications takes a lock that lasts until the transaction ends: from then on the import is being
    // committed (and not yet done).
    let settled = false;
    void answer.then(() => (settled = true));
    let writing = false;
    while (!writing && !settled) {
      const locks = await db()('pg_locks').join('pg_class', 'pg_class.oid', 'pg_locks.relation').where({ 'pg_class.relname': 'applications', 'pg_locks.mode': 'RowExclusiveLock' }).count({ n: '*' });
      writing = Number((locks as { n: number }[])[0]!.n) > 0;
      if (!writing) await new Promise((r) => setTimeout(r, 5));
    }
    expect(writing, `the import was answered before its commit was seen: ${await Promise.race([answer, 'pending'])}`).toBe(true);
    server.child.kill('SIGKILL');
    expect(await answer).toMatch(/^no answer/);

    const restarted = await startServerProcess({ DATABASE_URL: cluster().url });
    servers.push(restarted);
    expect(await importTraces()).toEqual({ applications: 0, events: 0, audit: 0 });
    const listed = await fetch(`${restarted.url}/api/v1/municipalities/GM0546/applications`, { headers: { cookie: (await logIn(restarted.url)).cookie } });
    expect(((await listed.json()) as { total: number }).total).toBe(0);
    restarted.child.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);
  });
});
