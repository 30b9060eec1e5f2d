import type { Server } from 'node:http';
import { createDb } from '@tm/db/connection';
import { prepareDatabase } from '@tm/db/prepare';
import { createApp } from './app.ts';
import { createHttpServer } from './http/http-server.ts';
import { ConfigError, loadConfig } from './config.ts';
import { DEMO_PASSWORD, ensureDemoAccounts } from './modules/accounts/demo-accounts.ts';

async function start(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  const db = createDb(config.databaseUrl ? { kind: 'server', url: config.databaseUrl } : { kind: 'embedded', dataDir: config.dataDir });
  await prepareDatabase(db);
  // Only on the demo dataset: the accounts have a published password.
  const demoAccounts = config.demoData ? await ensureDemoAccounts(db) : [];

  const app = createApp({
    db,
    clientDist: config.clientDist ?? new URL('../../client/dist', import.meta.url).pathname,
    auth: config.auth,
    oidc: config.oidc,
  });
  const server: Server = createHttpServer(app).listen(config.port, config.host, () => {
    const where = config.databaseUrl ? 'PostgreSQL server' : `embedded PostgreSQL in ${config.dataDir}`;
    console.info(`Transitiemonitor Common Ground on http://localhost:${config.port} (${where}), ready in ${Date.now() - startedAt} ms`);
    if (demoAccounts.length > 0)
      console.info(
        `Demo accounts (password "${DEMO_PASSWORD}"):\n` +
          demoAccounts.map((a) => `  ${a.email.padEnd(34)} ${a.role}${a.municipalityCodes.length ? ` of ${a.municipalityCodes.join(', ')}` : ''}`).join('\n'),
      );
  });

  const shutdown = (signal: string) => {
    console.info(`${signal}: finishing requests in flight, then stopping`);
    server.close(() => void db.destroy().then(() => process.exit(0)));
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

start().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
