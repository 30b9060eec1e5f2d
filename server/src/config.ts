import { fileURLToPath } from 'node:url';
import proxyAddr from 'proxy-addr';
import { z } from 'zod';
import { DEFAULT_LOAD_LIMITS, type LoadLimits } from './http/load-limits.ts';
import type { AuthSettings } from './modules/accounts/auth-settings.ts';
import type { OidcSettings } from './modules/accounts/oidc.service.ts';
import { DEFAULT_FROM } from './modules/mail/mailer.ts';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Which proxies in front may tell us the client's address and scheme (`X-Forwarded-For`, `-Proto`): a number of
 * hops, or their addresses and subnets (Express's names `loopback`, `linklocal` and `uniquelocal` included).
 * Trusting every sender would let any client forge its address, so that is not on offer.
 */
const trustProxySchema = z
  .string()
  .trim()
  .default('loopback')
  .transform((value, ctx) => {
    if (/^\d+$/.test(value)) return Number(value);
    const list = value.split(',').map((v) => v.trim()).filter(Boolean);
    try {
      if (list.length === 0) throw new Error('empty');
      proxyAddr.compile(list);
      return list;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a hop count (such as 1) or a comma-separated list of proxy addresses or subnets (such as 172.16.0.0/12)' });
      return z.NEVER;
    }
  });

const configSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url({ message: 'must be a postgres:// URL' }).optional(),
  /** The role that owns the schema; the start migrates with it and gives the role of DATABASE_URL its rights. */
  DATABASE_OWNER_URL: z.url({ message: 'must be a postgres:// URL' }).optional(),
  /** Anchored at the project root, whichever folder the server is started from. */
  DATA_DIR: z.string().default(fileURLToPath(new URL('../../.data/pglite', import.meta.url))),
  /** Seed the demo landscape on an empty database. On by default for the embedded database only. */
  DEMO_DATA: booleanFlag.optional(),
  DEMO_SEED: z.coerce.number().int().default(2025),
  CLIENT_DIST: z.string().optional(),
  PUBLIC_URL: z.url({ protocol: /^https?$/, message: 'must be an http:// or https:// URL' }).optional(),
  WEBHOOK_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(10),
  SMTP_URL: z.url({ protocol: /^smtps?$/, message: 'must be an smtp:// or smtps:// URL' }).optional(),
  SMTP_FROM: z.string().min(3).default(DEFAULT_FROM),
  EVENT_SOURCE: z
    .string()
    .regex(/^urn:nld:[^\s]+$/, { message: 'must be a URN in the nld namespace, such as urn:nld:oin:<OIN>:systeem:transitiemonitor' })
    .optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  LOGIN_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
  API_TOKEN_MAX_DAYS: z.coerce.number().int().min(1).max(3650).default(365),
  STATEMENT_TIMEOUT_SECONDS: z.coerce.number().min(1).default(30),
  HISTORY_READS_AT_ONCE: z.coerce.number().int().min(1).default(DEFAULT_LOAD_LIMITS.historyReadsAtOnce),
  HISTORY_READS_WAITING: z.coerce.number().int().min(0).default(DEFAULT_LOAD_LIMITS.historyReadsWaiting),
  HISTORY_READ_TIMEOUT_SECONDS: z.coerce.number().min(1).default(DEFAULT_LOAD_LIMITS.historyReadSeconds),
  ANONYMOUS_HISTORY_READS_PER_MINUTE: z.coerce.number().int().min(1).default(DEFAULT_LOAD_LIMITS.anonymousHistoryReadsPerMinute),
  TRUST_PROXY: trustProxySchema,
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.url().optional(),
  OIDC_SCOPE: z.string().default('openid email profile'),
  OIDC_ROLE_CLAIM: z.string().default('tm_role'),
  OIDC_MUNICIPALITIES_CLAIM: z.string().default('tm_municipalities'),
}).superRefine((c, ctx) => {
  if (c.DATABASE_OWNER_URL && !c.DATABASE_URL)
    ctx.addIssue({ code: 'custom', path: ['DATABASE_OWNER_URL'], message: 'needs DATABASE_URL too: the embedded database has one role' });
  if (!c.OIDC_ISSUER) return;
  for (const key of ['OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const)
    if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'needed with OIDC_ISSUER' });
  if (!c.OIDC_REDIRECT_URI && !c.PUBLIC_URL)
    ctx.addIssue({ code: 'custom', path: ['OIDC_REDIRECT_URI'], message: 'needed with OIDC_ISSUER (or set PUBLIC_URL)' });
});

export type Config = {
  logLevel: string;
  port: number;
  host: string;
  databaseUrl: string | undefined;
  databaseOwnerUrl: string | undefined;
  dataDir: string;
  demoData: boolean;
  demoSeed: number;
  clientDist: string | undefined;
  /** Where users reach the app: PUBLIC_URL, else this server on localhost. For links in mails. */
  publicUrl: string;
  eventSource: string | undefined;
  smtpUrl: string | undefined;
  smtpFrom: string;
  webhookTimeoutMs: number;
  /** PUBLIC_URL as configured: only a declared address is named as the OpenAPI document's server. */
  declaredPublicUrl: string | undefined;
  trustProxy: number | string[];
  /** Every statement of a request ends after this long, on a PostgreSQL server. */
  statementTimeoutSeconds: number;
  limits: LoadLimits;
  auth: AuthSettings;
  oidc: OidcSettings | undefined;
};

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    logLevel: c.LOG_LEVEL,
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    databaseOwnerUrl: c.DATABASE_OWNER_URL,
    dataDir: c.DATA_DIR,
    demoData: c.DEMO_DATA ?? !c.DATABASE_URL,
    demoSeed: c.DEMO_SEED,
    clientDist: c.CLIENT_DIST,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    eventSource: c.EVENT_SOURCE,
    smtpUrl: c.SMTP_URL,
    smtpFrom: c.SMTP_FROM,
    webhookTimeoutMs: c.WEBHOOK_TIMEOUT_SECONDS * 1000,
    declaredPublicUrl: c.PUBLIC_URL,
    trustProxy: c.TRUST_PROXY,
    statementTimeoutSeconds: c.STATEMENT_TIMEOUT_SECONDS,
    limits: {
      historyReadsAtOnce: c.HISTORY_READS_AT_ONCE,
      historyReadsWaiting: c.HISTORY_READS_WAITING,
      historyReadSeconds: c.HISTORY_READ_TIMEOUT_SECONDS,
      anonymousHistoryReadsPerMinute: c.ANONYMOUS_HISTORY_READS_PER_MINUTE,
    },
    auth: {
      sessionIdleSeconds: c.SESSION_IDLE_MINUTES * 60,
      sessionAbsoluteSeconds: c.SESSION_MAX_HOURS * 3600,
      loginAttemptsPerAccount: c.LOGIN_ATTEMPTS_PER_ACCOUNT,
      loginAttemptsPerAddress: c.LOGIN_ATTEMPTS_PER_ADDRESS,
      loginWindowSeconds: c.LOGIN_WINDOW_MINUTES * 60,
      apiTokenMaxSeconds: c.API_TOKEN_MAX_DAYS * 24 * 60 * 60,
      secureCookies: c.PUBLIC_URL?.startsWith('https:') ?? false,
    },
    oidc: c.OIDC_ISSUER
      ? {
          issuer: c.OIDC_ISSUER,
          clientId: c.OIDC_CLIENT_ID!,
          clientSecret: c.OIDC_CLIENT_SECRET!,
          redirectUri: c.OIDC_REDIRECT_URI ?? new URL('/api/v1/sessions/oidc/callback', c.PUBLIC_URL).href,
          scope: c.OIDC_SCOPE,
          roleClaim: c.OIDC_ROLE_CLAIM,
          municipalitiesClaim: c.OIDC_MUNICIPALITIES_CLAIM,
        }
      : undefined,
  };
}
