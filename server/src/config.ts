import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { AuthSettings } from './modules/accounts/auth-settings.ts';
import type { OidcSettings } from './modules/accounts/oidc.service.ts';
import { DEFAULT_FROM } from './modules/mail/mailer.ts';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const configSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url({ message: 'must be a postgres:// URL' }).optional(),
  /** Anchored at the project root, whichever folder the server is started from. */
  DATA_DIR: z.string().default(fileURLToPath(new URL('../../.data/pglite', import.meta.url))),
  /** Seed the demo landscape on an empty database. On by default for the embedded database only. */
  DEMO_DATA: booleanFlag.optional(),
  DEMO_SEED: z.coerce.number().int().default(2025),
  CLIENT_DIST: z.string().optional(),
  PUBLIC_URL: z.url().optional(),
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
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URI: z.url().optional(),
  OIDC_SCOPE: z.string().default('openid email profile'),
  OIDC_ROLE_CLAIM: z.string().default('tm_role'),
  OIDC_MUNICIPALITIES_CLAIM: z.string().default('tm_municipalities'),
}).superRefine((c, ctx) => {
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
    dataDir: c.DATA_DIR,
    demoData: c.DEMO_DATA ?? !c.DATABASE_URL,
    demoSeed: c.DEMO_SEED,
    clientDist: c.CLIENT_DIST,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    eventSource: c.EVENT_SOURCE,
    smtpUrl: c.SMTP_URL,
    smtpFrom: c.SMTP_FROM,
    webhookTimeoutMs: c.WEBHOOK_TIMEOUT_SECONDS * 1000,
    auth: {
      sessionIdleSeconds: c.SESSION_IDLE_MINUTES * 60,
      sessionAbsoluteSeconds: c.SESSION_MAX_HOURS * 3600,
      loginAttemptsPerAccount: c.LOGIN_ATTEMPTS_PER_ACCOUNT,
      loginAttemptsPerAddress: c.LOGIN_ATTEMPTS_PER_ADDRESS,
      loginWindowSeconds: c.LOGIN_WINDOW_MINUTES * 60,
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
