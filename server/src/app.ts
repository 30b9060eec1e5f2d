import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express, { type Express } from 'express';
import helmet from 'helmet';
import type { Knex } from 'knex';
import { message } from '@tm/shared/messages/messages';
import { apiDocsRoutes } from './http/api-docs.ts';
import { apiVersionHeader } from './http/api-version.ts';
import { firstScreenPages } from './http/first-screen.ts';
import { anonymousHistoryReadLimit } from './http/anonymous-rate-limit.ts';
import { authenticate } from './http/authenticate.ts';
import { boundedQueue } from './http/bounded-queue.ts';
import { jsonOnly } from './http/json-only.ts';
import { DEFAULT_LOAD_LIMITS, type LoadLimits } from './http/load-limits.ts';
import { ApiDocs } from './http/openapi.ts';
import { errorHandler, notFoundHandler } from './http/problem.ts';
import { requestId } from './http/request-id.ts';
import { createLogger, type Logger, requestLog } from './http/request-log.ts';
import { registerAboutDocs } from './modules/about/about.openapi.ts';
import { aboutRoutes } from './modules/about/about.routes.ts';
import { registerAccountsDocs } from './modules/accounts/accounts.openapi.ts';
import { apiTokensRoutes } from './modules/accounts/api-tokens.routes.ts';
import { type AuthSettings, DEFAULT_AUTH_SETTINGS } from './modules/accounts/auth-settings.ts';
import { oidcClient, type OidcSettings } from './modules/accounts/oidc.service.ts';
import { sessionsRoutes } from './modules/accounts/sessions.routes.ts';
import { usersRoutes } from './modules/accounts/users.routes.ts';
import { registerAttestationsDocs } from './modules/attestations/attestations.openapi.ts';
import { attestationsRoutes } from './modules/attestations/attestations.routes.ts';
import { registerAuditDocs } from './modules/audit/audit.openapi.ts';
import { registerBlockingProductsDocs } from './modules/blocking-products/blocking-products.openapi.ts';
import { blockingProductsRoutes } from './modules/blocking-products/blocking-products.routes.ts';
import { registerCoalitionsDocs } from './modules/coalitions/coalitions.openapi.ts';
import { coalitionsRoutes } from './modules/coalitions/coalitions.routes.ts';
import { registerCatalogueDocs } from './modules/catalogue/catalogue.openapi.ts';
import { catalogueRoutes } from './modules/catalogue/catalogue.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { DEFAULT_EVENT_SOURCE } from './modules/events/cloud-events.ts';
import { registerEventsDocs } from './modules/events/events.openapi.ts';
import { eventsRoutes } from './modules/events/events.routes.ts';
import { registerHealthDocs } from './modules/health/health.openapi.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { registerImportsDocs } from './modules/imports/imports.openapi.ts';
import { importsRoutes } from './modules/imports/imports.routes.ts';
import { registerInventoryDocs } from './modules/inventory/inventory.openapi.ts';
import { inventoryRoutes } from './modules/inventory/inventory.routes.ts';
import { createMailer, type Mailer } from './modules/mail/mailer.ts';
import { registerMergersDocs } from './modules/mergers/mergers.openapi.ts';
import { mergersRoutes } from './modules/mergers/mergers.routes.ts';
import { registerMunicipalitiesDocs } from './modules/municipalities/municipalities.openapi.ts';
import { municipalitiesRoutes } from './modules/municipalities/municipalities.routes.ts';
import { registerReferenceComponentsDocs } from './modules/reference-components/reference-components.openapi.ts';
import { referenceComponentsRoutes } from './modules/reference-components/reference-components.routes.ts';
import { registerNotificationPreferencesDocs } from './modules/notifications/notification-preferences.openapi.ts';
import { notificationPreferencesRoutes } from './modules/notifications/notification-preferences.routes.ts';
import { registerPeersDocs } from './modules/peers/peers.openapi.ts';
import { peersRoutes } from './modules/peers/peers.routes.ts';
import { createFiguresCache } from './modules/progress/figures-cache.ts';
import { registerProgressDocs } from './modules/progress/progress.openapi.ts';
import { progressRoutes } from './modules/progress/progress.routes.ts';
import { registerRemindersDocs } from './modules/reminders/reminders.openapi.ts';
import { createReportDescriber } from './modules/reports/report-describer.ts';
import { registerReportsDocs } from './modules/reports/reports.openapi.ts';
import { reportsRoutes } from './modules/reports/reports.routes.ts';
import { remindersRoutes } from './modules/reminders/reminders.routes.ts';
import { registerSettingsDocs } from './modules/settings/settings.openapi.ts';
import { registerSubscriptionsDocs } from './modules/subscriptions/subscriptions.openapi.ts';
import { subscriptionsRoutes } from './modules/subscriptions/subscriptions.routes.ts';
import { settingsRoutes } from './modules/settings/settings.routes.ts';

export type AppOptions = {
  db: Knex;
  /** Built client to serve at `/`; without it only the API is served. */
  clientDist?: string | undefined;
  /** Where request lines and errors go; without it only warnings and errors are logged. */
  logger?: Logger;
  auth?: Partial<AuthSettings>;
  /** Single sign-on; without it only e-mail address and password log in. */
  oidc?: OidcSettings | undefined;
  /**
   * The address users reach the app at: the OpenAPI document names it as its server, and mails link to it (to
   * http://localhost:3000 without it).
   */
  publicUrl?: string | undefined;
  /** Which proxies in front to believe about the client's address and scheme (config `TRUST_PROXY`). */
  trustProxy?: number | string[];
  /** How much of the server the expensive reads may take. */
  limits?: Partial<LoadLimits>;
  /**
   * The connection the health check asks: one of its own on a PostgreSQL server, so that it answers however busy
   * the pool is. Without it, the pool's.
   */
  healthDb?: Knex;
  /** The CloudEvents `source` of the change feed; a URN in the `nld` namespace. */
  eventSource?: string | undefined;
  /** How mails go out; without it they are written to the log. */
  mailer?: Mailer;
  /** Start the worker that draws the reports' charts at once and keep it (see `createReportDescriber`). */
  keepReportWorkerWarm?: boolean;
};

export const API_BASE = '/api/v1';

export function buildApiDocs(): ApiDocs {
  const docs = new ApiDocs();
  registerHealthDocs(docs);
  registerAboutDocs(docs);
  registerMunicipalitiesDocs(docs);
  registerMergersDocs(docs);
  registerReferenceComponentsDocs(docs);
  registerInventoryDocs(docs);
  registerImportsDocs(docs);
  registerAccountsDocs(docs);
  registerAuditDocs(docs);
  registerSettingsDocs(docs);
  registerProgressDocs(docs);
  registerReportsDocs(docs);
  registerPeersDocs(docs);
  registerCatalogueDocs(docs);
  registerBlockingProductsDocs(docs);
  registerCoalitionsDocs(docs);
  registerAttestationsDocs(docs);
  registerEventsDocs(docs);
  registerSubscriptionsDocs(docs);
  registerRemindersDocs(docs);
  registerNotificationPreferencesDocs(docs);
  return docs;
}

/**
 * The server URL of the OpenAPI document: the configured public address, or relative to wherever the document is
 * read from. Never the request's Host header, which any caller can set to send readers elsewhere.
 */
export function apiServerUrl(publicUrl: string | undefined): string {
  return publicUrl ? `${publicUrl.replace(/\/+$/, '')}${API_BASE}` : API_BASE;
}

export function createApp({
  db,
  clientDist,
  logger = createLogger('warn'),
  auth,
  oidc,
  eventSource = DEFAULT_EVENT_SOURCE,
  mailer = createMailer({}, logger),
  publicUrl,
  trustProxy = ['loopback'],
  limits,
  healthDb = db,
  keepReportWorkerWarm = false,
}: AppOptions): Express {
  const authSettings = { ...DEFAULT_AUTH_SETTINGS, ...auth };
  const load = { ...DEFAULT_LOAD_LIMITS, ...limits };
  const app = express();
  app.disable('x-powered-by');
  app.set('strict routing', true);
  app.set('trust proxy', trustProxy);
  app.use(requestId);
  app.use(requestLog(logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
        },
      },
      strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    }),
  );
  app.use(compression());

  const api = express.Router({ strict: true });
  api.use(apiVersionHeader);
  api.use(jsonOnly);
  api.use(express.json({ limit: '1mb', type: ['application/json', 'application/*+json'] }));
  api.use(cookieParser());
  api.use(authenticate(db, authSettings));

  const openApiDocument = buildApiDocs().document(apiServerUrl(publicUrl));
  api.get('/openapi.json', (_req, res) => {
    res.set('Access-Control-Allow-Origin', '*').json(openApiDocument);
  });
  api.use(apiDocsRoutes(`${API_BASE}/openapi.json`));

  api.use(healthRoutes(healthDb));
  api.use(aboutRoutes(db));
  api.use(municipalitiesRoutes(db));
  api.use(mergersRoutes(db));
  api.use(referenceComponentsRoutes(db));
  // Before the inventory: it answers the spreadsheet formats of the inventory's list.
  api.use(importsRoutes(db));
  api.use(inventoryRoutes(db));
  api.use(sessionsRoutes(db, authSettings, oidc ? oidcClient(oidc) : undefined));
  api.use(apiTokensRoutes(db, authSettings));
  api.use(usersRoutes(db));
  api.use(auditRoutes(db));
  api.use(settingsRoutes(db));
  const historyReads = boundedQueue({
    concurrency: load.historyReadsAtOnce,
    waiting: load.historyReadsWaiting,
    retryAfterSeconds: 5,
    busy: message('http.historyReadsBusy'),
  });
  const figures = createFiguresCache(db, { queue: historyReads, timeoutSeconds: load.historyReadSeconds });
  const historyReadLimit = anonymousHistoryReadLimit(load.anonymousHistoryReadsPerMinute, logger);
  api.use(progressRoutes(db, figures, historyReadLimit));
  api.use(reportsRoutes({ db, figures, describer: createReportDescriber({ keepWarm: keepReportWorkerWarm }) }, historyReadLimit));
  api.use(peersRoutes(db, figures));
  api.use(catalogueRoutes(db, figures));
  api.use(blockingProductsRoutes(figures));
  api.use(coalitionsRoutes(db));
  api.use(attestationsRoutes(db));
  api.use(eventsRoutes(db, eventSource));
  api.use(subscriptionsRoutes(db));
  api.use(remindersRoutes({ db, mailer, logger, publicUrl: publicUrl ?? 'http://localhost:3000' }));
  api.use(notificationPreferencesRoutes(db));
  api.use(notFoundHandler);
  app.use(API_BASE, api);

  if (clientDist && existsSync(join(clientDist, 'index.html'))) {
    const root = resolve(clientDist);
    // The build names every asset after its content, so a changed file has a new name: browsers may keep them.
    app.use('/assets', express.static(join(root, 'assets'), { index: false, immutable: true, maxAge: '1y' }));
    app.use(express.static(root, { index: false, maxAge: '1h' }));
    // Every other path is a screen of the single-page client; the ones that open the product with their first screen.
    app.get(/^(?!\/api\/).*/, firstScreenPages(join(root, 'index.html'), { db, figures }, logger));
  }
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
