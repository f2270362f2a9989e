// The one reading of a request's address (audit trail, session row, sign-in throttle) follows TRUSTED_PROXIES.
import { afterEach, describe, expect, it, vi } from 'vitest';

async function originWith(setting: string | undefined) {
  if (setting === undefined) delete process.env.TRUSTED_PROXIES;
  else process.env.TRUSTED_PROXIES = setting;
  vi.resetModules();
  const { originFromHeaders } = await import('@/lib/server/request-context');
  return (headers: Record<string, string>) => originFromHeaders((name) => headers[name]);
}

afterEach(() => {
  delete process.env.TRUSTED_PROXIES;
  vi.resetModules();
});

const forged = { 'x-forwarded-for': '6.6.6.6, 203.0.113.9', 'x-real-ip': '6.6.6.6', 'user-agent': 'vitest' };

describe('the request origin', () => {
  it('believes no forwarding header by default', async () => {
    expect((await originWith(undefined))(forged)).toEqual({ ip: null, userAgent: 'vitest' });
  });

  it('takes the entry the trusted proxy appended', async () => {
    expect((await originWith('1'))(forged)).toEqual({ ip: '203.0.113.9', userAgent: 'vitest' });
    expect((await originWith('2'))(forged)).toEqual({ ip: '6.6.6.6', userAgent: 'vitest' });
  });

  it.each(['abc', '-1', '1.5', '11'])('refuses TRUSTED_PROXIES=%j at start', async (setting) => {
    const origin = await originWith(setting);
    expect(() => origin(forged)).toThrow(/TRUSTED_PROXIES/);
  });
});
