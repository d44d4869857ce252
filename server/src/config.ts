import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DatabaseOptions } from './db/client.ts';

export type Config = {
  port: number;
  host: string;
  publicUrl: string;
  dataDir: string;
  /** Photo files (resized WebP), when kept on disk. */
  photosDir: string;
  database: DatabaseOptions;
  jwtSecret: string;
  sessionDays: number;
  /** Login attempts allowed per client address and minute. */
  loginRateLimit: number;
  /** `THROTTLING=off`: no limit per account or address (benchmarks only). */
  throttling: { enabled: boolean };
  seed: 'demo' | 'none';
  demoPassword: string;
  logLevel: string;
  /** Behind a load balancer: trust its X-Forwarded-* headers. */
  trustProxy: boolean;
  /** Days a loan request waits for an answer before it expires. */
  requestExpiryDays: number;
  /** smtp://user:pass@host:587 or smtps://…; unset: every email stays in the local mailbox (/admin/emails). */
  smtpUrl: string | null;
  mailFrom: { name: string; address: string };
};

/** Every environment variable Mutua reads, in one place (the README lists them). */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const port = Number(env.PORT ?? 3000);
  const dataDir = resolve(env.DATA_DIR ?? './data');
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    publicUrl: env.PUBLIC_URL ?? env.ORIGIN ?? `http://localhost:${port}`,
    dataDir,
    photosDir: resolve(env.PHOTOS_DIR ?? join(dataDir, 'photos')),
    database: databaseUrl
      ? { databaseUrl, poolSize: Number(env.DATABASE_POOL_SIZE ?? 10) }
      : { dataDir: join(dataDir, 'pglite') },
    jwtSecret: env.JWT_SECRET || readOrCreateSecret(dataDir),
    sessionDays: Number(env.SESSION_DAYS ?? 30),
    loginRateLimit: Number(env.LOGIN_RATE_LIMIT ?? 10),
    throttling: { enabled: env.THROTTLING !== 'off' },
    seed: seedOf(env.SEED, databaseUrl),
    demoPassword: env.DEMO_PASSWORD || 'demo-mutua',
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    requestExpiryDays: Number(env.REQUEST_EXPIRY_DAYS ?? 7),
    smtpUrl: env.SMTP_URL || null,
    mailFrom: parseMailFrom(env.MAIL_FROM || 'Mutua <ne-pas-repondre@mutua.localhost>'),
  };
}

/**
 * Demo accounts share one known password: a real server (DATABASE_URL) gets them only when
 * asked (SEED=demo); the embedded database of `pnpm start` keeps them so that it shows a network.
 */
function seedOf(value: string | undefined, databaseUrl: string | undefined): Config['seed'] {
  if (value === 'demo' || value === 'none') return value;
  if (value) throw new Error(`SEED=${value} : valeurs possibles « demo » ou « none ».`);
  return databaseUrl ? 'none' : 'demo';
}

/** `Mutua <ne-pas-repondre@exemple.org>` or a bare address. */
export function parseMailFrom(value: string): { name: string; address: string } {
  const named = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(value);
  return named
    ? { name: named[1]!.trim() || 'Mutua', address: named[2]!.trim() }
    : { name: 'Mutua', address: value.trim() };
}

/** Without JWT_SECRET, one machine keeps a random secret in DATA_DIR so sessions survive restarts. */
function readOrCreateSecret(dataDir: string): string {
  const path = join(dataDir, 'session-secret');
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(path, secret, { mode: 0o600 });
    return secret;
  }
}
