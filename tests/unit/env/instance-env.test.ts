// The several-instances settings in lib/env.ts: a typo is refused at start with the variable's name, not
// discovered when the first job or report runs.
import { afterEach, describe, expect, it, vi } from 'vitest';

async function envWith(values: Record<string, string>) {
  vi.resetModules();
  vi.stubEnv('DATABASE_URL', 'postgresql://app@db.example:5432/overturn');
  for (const [name, value] of Object.entries(values)) vi.stubEnv(name, value);
  const { env } = await import('@/lib/env');
  return env;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('several-instances settings', () => {
  it('defaults: jobs on, the SLA check every 15 minutes (no override), a pool of 10, no replica', async () => {
    const env = (await envWith({}))();
    expect(env).toMatchObject({ JOBS: 'on', DATABASE_POOL_MAX: 10 });
    expect(env.SLA_CHECK_CRON).toBeUndefined();
    expect(env.DATABASE_REPLICA_URL).toBeUndefined();
  });

  it('reads JOBS=off, a cron, a pool size and a replica URL', async () => {
    const env = (await envWith({ JOBS: 'off', SLA_CHECK_CRON: ' */5 * * * * ', DATABASE_POOL_MAX: '25', DATABASE_REPLICA_URL: 'postgresql://app@replica.example:5432/overturn' }))();
    expect(env).toMatchObject({ JOBS: 'off', SLA_CHECK_CRON: '*/5 * * * *', DATABASE_POOL_MAX: 25, DATABASE_REPLICA_URL: 'postgresql://app@replica.example:5432/overturn' });
  });

  it.each([
    ['JOBS', 'false'],
    ['SLA_CHECK_CRON', 'every 15 minutes'],
    ['SLA_CHECK_CRON', '*/15 * * *'],
    ['DATABASE_POOL_MAX', '1'],
    ['DATABASE_POOL_MAX', 'ten'],
    ['DATABASE_REPLICA_URL', 'replica.example'],
  ])('refuses %s=%s naming the variable', async (name, value) => {
    const env = await envWith({ [name]: value });
    expect(() => env()).toThrow(new RegExp(`${name}:`));
  });
});
