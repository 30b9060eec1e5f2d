import type { Server } from 'node:http';
import { createDb } from '@tm/db/connection';
import { seedDemoLandscapeIfEmpty } from '@tm/db/demo';
import { prepareDatabase } from '@tm/db/prepare';
import { createApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';

async function start(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  const db = createDb(config.databaseUrl ? { kind: 'server', url: config.databaseUrl } : { kind: 'embedded', dataDir: config.dataDir });
  await prepareDatabase(db);
  if (config.demoData) {
    const seededAt = Date.now();
    const totals = await seedDemoLandscapeIfEmpty(db, { seed: config.demoSeed });
    if (totals)
      console.info(
        `Demo landscape (seed ${config.demoSeed}): ${totals.applications} applications and ${totals.events} history events in ${totals.municipalities} municipalities, generated in ${Date.now() - seededAt} ms`,
      );
  }

  const app = createApp({ db, clientDist: config.clientDist ?? new URL('../../client/dist', import.meta.url).pathname });
  const server: Server = app.listen(config.port, config.host, () => {
    const where = config.databaseUrl ? 'PostgreSQL server' : `embedded PostgreSQL in ${config.dataDir}`;
    console.info(`Transitiemonitor Common Ground on http://localhost:${config.port} (${where}), ready in ${Date.now() - startedAt} ms`);
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
