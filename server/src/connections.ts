import { createDb, type DatabaseLog } from '@tm/db/connection';
import type { Knex } from 'knex';
import type { Config } from './config.ts';

/** A health check answers within a second or says the database is down: it never waits behind the pool. */
const HEALTH_TIMEOUT_MS = 1_000;

export type Connections = {
  /** What requests use: statements end after the configured timeout. */
  serving: Knex;
  /** Migrations and the demo landscape at start, whose statements may take longer than any request's. */
  preparing: Knex;
  /** The role that owns the schema and runs the migrations, when it is not the serving one (`DATABASE_OWNER_URL`). */
  owner: Knex | undefined;
  /** The health check's own connection. */
  health: Knex;
  /** Closes the preparing connection once the start is done with it. */
  donePreparing: () => Promise<void>;
  all: () => Knex[];
};

/**
 * On a PostgreSQL server: a pool for requests, one connection of its own for the health check (so a burst that
 * takes the pool still gets an answer from it within a second), and short-lived ones for preparing. The embedded
 * database runs inside this process, one statement at a time, and knows no statement timeout: one handle does all.
 */
export function openConnections(config: Pick<Config, 'databaseUrl' | 'databaseOwnerUrl' | 'dataDir' | 'statementTimeoutSeconds'>, log: DatabaseLog): Connections {
  if (!config.databaseUrl) {
    const db = createDb({ kind: 'embedded', dataDir: config.dataDir }, log);
    return { serving: db, preparing: db, owner: undefined, health: db, donePreparing: async () => {}, all: () => [db] };
  }
  const url = config.databaseUrl;
  const serving = createDb({ kind: 'server', url, statementTimeoutMs: config.statementTimeoutSeconds * 1000 }, log);
  const health = createDb({ kind: 'server', url, poolMax: 1, statementTimeoutMs: HEALTH_TIMEOUT_MS, acquireTimeoutMs: HEALTH_TIMEOUT_MS }, log);
  let starting: Knex[] = [createDb({ kind: 'server', url, poolMax: 2 }, log)];
  if (config.databaseOwnerUrl) starting.push(createDb({ kind: 'server', url: config.databaseOwnerUrl, poolMax: 1 }, log));
  return {
    serving,
    preparing: starting[0]!,
    owner: starting[1],
    health,
    donePreparing: async () => {
      await Promise.all(starting.map((db) => db.destroy()));
      starting = [];
    },
    all: () => [serving, health, ...starting],
  };
}
