import type { Server } from 'node:http';
import { createDb } from '@tm/db/connection';
import { seedDemoLandscapeIfEmpty } from '@tm/db/demo';
import { prepareDatabase } from '@tm/db/prepare';
import { createApp } from './app.ts';
import { shutDownGracefully } from './http/graceful-shutdown.ts';
import { createHttpServer } from './http/http-server.ts';
import { createLogger, databaseLog } from './http/request-log.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DEMO_PASSWORD, ensureDemoAccounts } from './modules/accounts/demo-accounts.ts';

async function start(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = createDb(config.databaseUrl ? { kind: 'server', url: config.databaseUrl } : { kind: 'embedded', dataDir: config.dataDir }, databaseLog(logger));
  await prepareDatabase(db);
  if (config.demoData) {
    const seededAt = Date.now();
    const totals = await seedDemoLandscapeIfEmpty(db, { seed: config.demoSeed });
    if (totals) logger.info({ seed: config.demoSeed, ...totals, ms: Date.now() - seededAt }, 'demo landscape generated');
  }
  // After the demo landscape, which marks the demo dataset: only there may accounts have a published password.
  const demoAccounts = config.demoData ? await ensureDemoAccounts(db) : [];

  const app = createApp({
    db,
    clientDist: config.clientDist ?? new URL('../../client/dist', import.meta.url).pathname,
    auth: config.auth,
    oidc: config.oidc,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    logger,
  });
  const server: Server = createHttpServer(app).listen(config.port, config.host, () => {
    const database = config.databaseUrl ? 'PostgreSQL server' : `embedded PostgreSQL in ${config.dataDir}`;
    logger.info({ url: `http://localhost:${config.port}`, database, ms: Date.now() - startedAt }, 'Transitiemonitor Common Ground ready');
    if (demoAccounts.length > 0)
      logger.info(
        { password: DEMO_PASSWORD, accounts: demoAccounts.map((a) => ({ email: a.email, role: a.role, municipalities: a.municipalityCodes })) },
        'demo accounts',
      );
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing the requests in flight, then closing the database');
    shutDownGracefully(server, db, logger).then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'stopping failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

start().catch((error: unknown) => {
  // Before the logger exists, or for a configuration error, plain text reads best.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
