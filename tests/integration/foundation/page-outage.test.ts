// A page whose session lookup finds the database down answers 503 too (issue 16): requireActor sends the browser
// to /unavailable with the page it asked for, and that route answers 503 with Retry-After and a way back that
// only ever leads to this app. Anything else the session lookup throws is still the bug it is.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { encode } from 'next-auth/jwt';
import { describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({ cookie: '', failure: null as unknown }));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ 'x-overturn-page': '/queue?view=mine' }),
  cookies: async () => ({ get: (name: string) => (name === 'next-auth.session-token' ? { value: state.cookie } : undefined), getAll: () => [], has: () => true }),
}));
vi.mock('@/lib/server/sessions', () => ({
  resolveSession: async () => {
    throw state.failure;
  },
  revokeSession: async () => {},
}));

const APP_PAGES = path.resolve(import.meta.dirname, '../../../app/(app)');
const { requireActor } = await import('@/lib/server/auth');
const { answers503WhenDown } = await import('@/lib/server/page-outage');
const unavailable = await import('@/app/unavailable/route');

async function thrownBy(fn: () => Promise<unknown>): Promise<{ digest?: string; message?: string }> {
  try {
    await fn();
  } catch (error) {
    return error as { digest?: string };
  }
  throw new Error('expected a throw');
}

describe('a page while the database is down', () => {
  it('redirects to the 503 page with the page it asked for', async () => {
    state.cookie = await encode({ token: { sid: 'session-1' }, secret: process.env.AUTH_SECRET! });
    state.failure = Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    const error = await thrownBy(requireActor);
    expect(error.digest).toMatch(/^NEXT_REDIRECT;replace;\/unavailable\?from=%2Fqueue%3Fview%3Dmine;307;/);
  });

  it('rethrows a failure that is not an outage (a bug stays a 500)', async () => {
    state.failure = new TypeError('a bug');
    expect(await thrownBy(requireActor)).toBe(state.failure);
  });

  it('a wrapped page whose own read meets the outage redirects too; its other failures and results pass through', async () => {
    const outage = answers503WhenDown(async () => {
      throw Object.assign(new Error('x'), { code: 'P2010', meta: { driverAdapterError: { cause: { kind: 'postgres', originalCode: '57P03' } } } });
    });
    expect((await thrownBy(() => outage({}))).digest).toMatch(/^NEXT_REDIRECT;replace;\/unavailable\?from=%2Fqueue%3Fview%3Dmine;307;/);
    const bug = new RangeError('a bug');
    expect(await thrownBy(() => answers503WhenDown(async () => Promise.reject(bug))({}))).toBe(bug);
    expect(await answers503WhenDown(async (props: { n: number }) => props.n * 2)({ n: 21 })).toBe(42);
  });

  it('every signed-in page goes through the wrapper, so none of them answers a 500 for an outage', () => {
    const pages = readdirSync(APP_PAGES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('page.tsx'));
    expect(pages.length).toBeGreaterThan(20);
    // The catch-all "not found" page reads nothing.
    const unwrapped = pages.filter((f) => !f.startsWith('[...missing]') && !/export default answers503WhenDown\(/.test(readFileSync(path.join(APP_PAGES, f), 'utf8')));
    expect(unwrapped).toEqual([]);
  });

  it('the 503 page says nothing was saved, sets Retry-After and goes back to the page', async () => {
    const res = unavailable.GET(new Request('http://localhost:3000/unavailable?from=%2Fqueue%3Fview%3Dmine'));
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('5');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    expect(html).toContain('Nothing was saved');
    expect(html).toContain('content="5;url=/queue?view=mine"');
    expect(html).toContain('href="/queue?view=mine"');
  });

  it('never leads off the app: another host or markup in "from" comes back as the home page', async () => {
    for (const from of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const html = await unavailable.GET(new Request(`http://localhost:3000/unavailable?from=${encodeURIComponent(from)}`)).text();
      expect(html, from).toContain('href="/"');
      expect(html, from).not.toContain('evil.example');
    }
    const html = await unavailable.GET(new Request(`http://localhost:3000/unavailable?from=${encodeURIComponent('/queue?q="><script>')}`)).text();
    expect(html).not.toContain('<script>');
  });
});
