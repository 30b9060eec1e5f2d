import type { Server } from 'node:http';
import { seedDemoLandscapeIfEmpty } from '@tm/db/demo';
import { prepareDatabase, SchemaOutOfDate } from '@tm/db/prepare';
import { createApp } from './app.ts';
import { shutDownGracefully } from './http/graceful-shutdown.ts';
import { createHttpServer } from './http/http-server.ts';
import { createLogger, databaseLog } from './http/request-log.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openConnections } from './connections.ts';
import { DEMO_PASSWORD, ensureDemoAccounts } from './modules/accounts/demo-accounts.ts';
import { DEFAULT_EVENT_SOURCE } from './modules/events/cloud-events.ts';
import { createMailer } from './modules/mail/mailer.ts';
import { scheduleReminders } from './modules/reminders/reminder-schedule.ts';
import { createDispatcher } from './modules/subscriptions/dispatcher.ts';

async function start(): Promise<void> {
  const startedAt = Date.now();
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const connections = openConnections(config, databaseLog(logger));
  const db = connections.serving;
  await prepareDatabase(connections.preparing, { owner: connections.owner });
  if (config.demoData) {
    const seededAt = Date.now();
    const totals = await seedDemoLandscapeIfEmpty(connections.owner ?? connections.preparing, { seed: config.demoSeed });
    if (totals) logger.info({ seed: config.demoSeed, ...totals, ms: Date.now() - seededAt }, 'demo landscape generated');
  }
  await connections.donePreparing();
  // A deployment may prepare the database in a step of its own, so that the server never holds the owner's password.
  if (process.argv.includes('--prepare-only')) {
    await Promise.all(connections.all().map((c) => c.destroy()));
    logger.info({ ms: Date.now() - startedAt }, 'database prepared');
    return;
  }
  // After the demo landscape, which marks the demo dataset: only there may accounts have a published password.
  const demoAccounts = config.demoData ? await ensureDemoAccounts(db) : [];

  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.smtpFrom }, logger);
  const app = createApp({
    db,
    clientDist: config.clientDist ?? new URL('../../client/dist', import.meta.url).pathname,
    auth: config.auth,
    oidc: config.oidc,
    eventSource: config.eventSource,
    mailer,
    publicUrl: config.declaredPublicUrl,
    trustProxy: config.trustProxy,
    limits: config.limits,
    healthDb: connections.health,
    logger,
    keepReportWorkerWarm: true,
  });
  // Webhooks go out from every server; the subscriptions' leases in the database keep them from sending twice at once.
  const dispatcher = createDispatcher({
    db,
    source: config.eventSource ?? DEFAULT_EVENT_SOURCE,
    mailer,
    logger,
    publicUrl: config.publicUrl,
    timeoutMs: config.webhookTimeoutMs,
  });
  dispatcher.start();
  // Started beside the server rather than before it: the job runner's own setup must not delay the first request.
  const reminders = scheduleReminders({ db, mailer, logger, publicUrl: config.publicUrl }, config.databaseUrl).catch((error: unknown) => {
    logger.error({ err: error }, 'reminders not scheduled on this server: the job runner did not start');
    return { stop: async () => {} };
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
    logger.info({ signal }, 'stopping: finishing the requests, deliveries and reminders in flight, then closing the database');
    Promise.all([dispatcher.stop(), reminders.then((r) => r.stop()), shutDownGracefully(server, logger)])
      .then(() => Promise.all(connections.all().map((c) => c.destroy())))
      .finally(() => mailer.close())
      .then(
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
  // Started by `npm start`'s launcher (server/scripts/start.ts) with an IPC channel: when the launcher is gone, however
  // it ended, the channel closes and the server must not outlive it.
  if (process.channel) {
    process.channel.unref();
    process.on('disconnect', () => stop('parent exited'));
  }
}

start().catch((error: unknown) => {
  // Before the logger exists, or for a configuration error, plain text reads best.
  console.error(error instanceof ConfigError || error instanceof SchemaOutOfDate ? error.message : error);
  process.exit(1);
});
