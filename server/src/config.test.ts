import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

const databaseUrl = 'postgres://mutua@db.example.org:5432/mutua';
// A secret of its own, so that loading the configuration writes nothing to DATA_DIR.
const configOf = (env: NodeJS.ProcessEnv) => loadConfig({ JWT_SECRET: 'secret-de-test', ...env });

describe('the demo data (SEED)', () => {
  it('is not created on a real PostgreSQL server unless asked for', () => {
    expect(configOf({ DATABASE_URL: databaseUrl }).seed).toBe('none');
    expect(configOf({ DATABASE_URL: databaseUrl, SEED: '' }).seed).toBe('none');
    expect(configOf({ DATABASE_URL: databaseUrl, SEED: 'demo' }).seed).toBe('demo');
  });

  it('is created on the embedded database, so that `pnpm start` shows a working network', () => {
    expect(configOf({}).seed).toBe('demo');
    expect(configOf({ DATABASE_URL: '' }).seed).toBe('demo');
    expect(configOf({ SEED: 'none' }).seed).toBe('none');
  });

  it('refuses a value it does not know rather than guessing', () => {
    expect(() => configOf({ DATABASE_URL: databaseUrl, SEED: 'dmeo' })).toThrow('SEED=dmeo');
  });
});
