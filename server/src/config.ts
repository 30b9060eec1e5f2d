import { z } from 'zod';
import type { AuthSettings } from './modules/accounts/auth-settings.ts';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.url({ message: 'must be a postgres:// URL' }).optional(),
  DATA_DIR: z.string().default('./.data/pglite'),
  /** Seed the demo landscape on an empty database. On by default for the embedded database only. */
  DEMO_DATA: booleanFlag.optional(),
  DEMO_SEED: z.coerce.number().int().default(2025),
  CLIENT_DIST: z.string().optional(),
  PUBLIC_URL: z.url().optional(),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  LOGIN_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).default(50),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).default(15),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  demoData: boolean;
  demoSeed: number;
  clientDist: string | undefined;
  publicUrl: string | undefined;
  auth: AuthSettings;
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
    port: c.PORT,
    host: c.HOST,
    databaseUrl: c.DATABASE_URL,
    dataDir: c.DATA_DIR,
    demoData: c.DEMO_DATA ?? !c.DATABASE_URL,
    demoSeed: c.DEMO_SEED,
    clientDist: c.CLIENT_DIST,
    publicUrl: c.PUBLIC_URL,
    auth: {
      sessionIdleSeconds: c.SESSION_IDLE_MINUTES * 60,
      sessionAbsoluteSeconds: c.SESSION_MAX_HOURS * 3600,
      loginAttemptsPerAccount: c.LOGIN_ATTEMPTS_PER_ACCOUNT,
      loginAttemptsPerAddress: c.LOGIN_ATTEMPTS_PER_ADDRESS,
      loginWindowSeconds: c.LOGIN_WINDOW_MINUTES * 60,
    },
  };
}
