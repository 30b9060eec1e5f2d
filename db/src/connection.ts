import { mkdirSync } from 'node:fs';
import { PGlite, types } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import knex, { type Knex } from 'knex';
import ClientPgLite from 'knex-pglite';
import pg from 'pg';

/**
 * Both drivers hand back the same JavaScript shapes: dates as 'YYYY-MM-DD' strings (a Date would shift them by the
 * time zone), bigint counts and numerics as numbers (our counts and euro amounts fit a double).
 */
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

const pgliteParsers = {
  [types.DATE]: (v: string) => v,
  [types.INT8]: (v: string) => Number(v),
  [types.NUMERIC]: (v: string) => Number(v),
};

export type DatabaseTarget =
  | {
      kind: 'server';
      url: string;
      poolMax?: number;
      /** Cancel any statement that runs longer (PostgreSQL's statement_timeout); none when left out. */
      statementTimeoutMs?: number;
      /** Give up waiting for a free connection of the pool after this long (default 5 s). */
      acquireTimeoutMs?: number;
    }
  | { kind: 'embedded'; dataDir: string | null; loadDataDir?: Blob };

export function createPglite(target: Extract<DatabaseTarget, { kind: 'embedded' }>): PGlite {
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  // Options go in one object: PGlite ignores them when they follow a data directory argument. The catalogue's
  // duplicate finder needs pg_trgm, which PGlite ships as a contrib bundle loaded at start.
  return new PGlite({
    parsers: pgliteParsers,
    extensions: { pg_trgm },
    ...(target.dataDir ? { dataDir: target.dataDir } : {}),
    ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
  });
}

/** Where knex's own warnings go (a pool that cannot get a connection, say); without it, to the console. */
export type DatabaseLog = NonNullable<Knex.Config['log']>;

export function createDb(target: DatabaseTarget, log?: DatabaseLog): Knex {
  if (target.kind === 'server') {
    return knex({
      client: 'pg',
      connection: {
        connectionString: target.url,
        application_name: 'transitiemonitor',
        ...(target.statementTimeoutMs ? { statement_timeout: target.statementTimeoutMs } : {}),
      },
      pool: { min: 0, max: target.poolMax ?? 10 },
      acquireConnectionTimeout: target.acquireTimeoutMs ?? 5_000,
      ...(log ? { log } : {}),
    });
  }
  return knexOnPglite(createPglite(target), log);
}

export function knexOnPglite(pglite: PGlite, log?: DatabaseLog): Knex {
  return knex({ client: ClientPgLite, dialect: 'postgres', connection: () => ({ pglite }) as object, ...(log ? { log } : {}) });
}

export function databaseTargetFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: 'server', url: env.DATABASE_URL };
  return { kind: 'embedded', dataDir: env.DATA_DIR ?? './.data/pglite' };
}
