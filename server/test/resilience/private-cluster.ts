import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { afterAll, beforeAll } from 'vitest';
import { createDb } from '@tm/db/connection';
import { freePort, type ServerProcess } from '../server-process.ts';

const BIN = '/usr/lib/postgresql/15/bin';

export type PrivateCluster = {
  /** A database of this cluster, made on creation. */
  url: string;
  start: () => void;
  stop: (mode: 'fast' | 'immediate') => void;
  destroy: () => void;
};

/**
 * A PostgreSQL cluster of its own in a temporary directory, so a test can really stop and start a database server
 * without touching the one others use. PostgreSQL refuses to run as root, so there it runs as the `postgres` user.
 */
export async function createPrivateCluster(): Promise<PrivateCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'tm-cluster-'));
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const ids = execFileSync('id', ['-u', 'postgres']).toString().trim();
    const gid = execFileSync('id', ['-g', 'postgres']).toString().trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const run = (command: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : `${BIN}/${command}`, asRoot ? ['-u', 'postgres', '--', `${BIN}/${command}`, ...args] : args, { stdio: 'pipe' });
  const data = join(dir, 'data');
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '--no-instructions']);
  const start = () =>
    run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  const stop = (mode: 'fast' | 'immediate') => run('pg_ctl', ['-D', data, '-w', '-m', mode, 'stop']);
  start();
  execFileSync(`${BIN}/createdb`, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'tm'], { stdio: 'pipe' });
  return {
    url: `postgres://postgres@127.0.0.1:${port}/tm`,
    start,
    stop,
    destroy: () => {
      try {
        stop('immediate');
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ClusterWithServers = {
  cluster: () => PrivateCluster;
  /** A connection of the test's own to the cluster's database. */
  db: () => Knex;
  /** Server processes to kill, if still running, when the file is done. */
  servers: ServerProcess[];
};

/** A private cluster for the test file, prepared by `prepare`, and cleaned up with every server started on it. */
export function usePrivateCluster(prepare: (url: string) => Promise<void> = async () => {}): ClusterWithServers {
  let cluster: PrivateCluster | undefined;
  let db: Knex | undefined;
  const servers: ServerProcess[] = [];
  beforeAll(async () => {
    cluster = await createPrivateCluster();
    await prepare(cluster.url);
    db = createDb({ kind: 'server', url: cluster.url, poolMax: 2 });
  });
  afterAll(async () => {
    for (const s of servers) if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill('SIGKILL');
    await db?.destroy();
    cluster?.destroy();
  });
  return { cluster: () => cluster!, db: () => db!, servers };
}
