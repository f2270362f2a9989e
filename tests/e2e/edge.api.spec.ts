// The web edge against the real server: every mutation refuses a forged request with 403 JSON (the proxy runs
// before Next, so a forged server action is a 403 too, not Next's 500), same-origin mutations still work, and
// pages and API responses carry the security headers.
import type { APIRequestContext } from '@playwright/test';
import { MUTATION_METHODS, routeHandlers } from '../support/app-surface';
import { SAME_ORIGIN } from './support/app-origin';
import { expect, test, type Person } from './support/fixtures';
import { FORGERIES } from './support/forgery';
import { signedInRequest } from './support/login';

const SOME_ID = '00000000-0000-4000-8000-000000000000';
// A concrete URL for each dynamic segment of a route pattern.
const SEGMENTS: Record<string, string> = { '[id]': SOME_ID, '[...nextauth]': 'signout', '[...missing]': 'nothing-here' };
const concrete = (pattern: string) => pattern.replace(/\[[^\]]+\]/g, (segment) => SEGMENTS[segment] ?? segment);

const MUTATIONS = routeHandlers().filter((r) => MUTATION_METHODS.includes(r.method));

// A context without the api project's default Origin: a forgery may have none.
const signedIn = (person: Person) => signedInRequest(person.email, person.password, {});

test.describe('forged mutations', () => {
  let manager: APIRequestContext;
  test.beforeEach(async ({ data }) => {
    manager = await signedIn(await data.person('manager', { team: await data.team() }));
  });
  test.afterEach(async () => {
    await manager.dispose();
  });

  test('the walk covers every mutation route in the code', () => {
    expect(MUTATIONS.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['POST /api/imports/835', 'POST /api/imports/csv', 'POST /api/imports/csv/preview', 'POST /api/auth/[...nextauth]']),
    );
  });

  for (const { method, path } of MUTATIONS) {
    test(`${method} ${path} refuses every forgery with 403 JSON`, async () => {
      for (const [forgery, headers] of Object.entries(FORGERIES)) {
        const res = await manager.fetch(concrete(path), { method, headers, data: Buffer.from('ISA*00') });
        expect(res.status(), forgery).toBe(403);
        expect(await res.json(), forgery).toEqual({ ok: false, code: 'forbidden', message: expect.stringMatching(/cross-site request refused/i) });
      }
    });
  }

  test('a server action posted to a page with a foreign Origin is a 403, not a 500', async () => {
    for (const [forgery, headers] of Object.entries(FORGERIES)) {
      const res = await manager.post('/queue', { headers: { ...headers, 'next-action': '7f'.repeat(21), 'content-type': 'text/plain;charset=UTF-8' }, data: '[]' });
      expect(res.status(), forgery).toBe(403);
      expect(await res.json(), forgery).toMatchObject({ ok: false, code: 'forbidden' });
    }
  });

  test('an upload larger than the proxy’s 10 MB body buffer arrives whole (the upload routes bypass it)', async ({ data }) => {
    const specialist = await signedIn(await data.person('specialist', { team: await data.team() }));
    const size = 11 * 1024 * 1024;
    const res = await specialist.post('/api/imports/835?filename=big.835', { headers: SAME_ORIGIN, data: Buffer.alloc(size, 'X') });
    expect(res.status()).toBe(200);
    // Read whole, then refused for what it is (not an 835), not as cut off before its Content-Length.
    const last = JSON.parse((await res.text()).trim().split('\n').at(-1)!) as { type: string; result?: unknown };
    expect(JSON.stringify(last)).not.toMatch(/cut off/);
    expect(last.type).toBe('result');
    await specialist.dispose();
  });

  test('a same-origin mutation still works', async ({ data }) => {
    const specialist = await signedIn(await data.person('specialist', { team: await data.team() }));
    const res = await specialist.post('/api/imports/csv/preview', {
      headers: { ...SAME_ORIGIN, 'sec-fetch-site': 'same-origin', 'user-agent': 'Mozilla/5.0' },
      data: Buffer.from('Account #,Paid\nA1,0\n'),
    });
    expect(res.status()).toBe(200);
    expect(await res.json()).toMatchObject({ headers: ['Account #', 'Paid'] });
    await specialist.dispose();
  });
});

test.describe('security headers', () => {
  function expectSecurityHeaders(headers: Record<string, string>) {
    const csp = headers['content-security-policy'] ?? '';
    const scriptSrc = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src ')) ?? '';
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scriptSrc).not.toContain("'unsafe-inline'");
    expect(scriptSrc).not.toContain("'unsafe-eval'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(headers['permissions-policy']).toContain('camera=()');
    expect(headers['cross-origin-opener-policy']).toBe('same-origin');
    // Served over http here, so no HSTS (a browser would ignore it and it would mislead).
    expect(headers['strict-transport-security']).toBeUndefined();
    return scriptSrc.match(/'nonce-([^']+)'/)![1]!;
  }

  test('a page carries them, and its scripts carry this response’s nonce', async ({ request }) => {
    const first = await request.get('/signin');
    expect(first.status()).toBe(200);
    const nonce = expectSecurityHeaders(first.headers());
    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    // A fresh nonce per response.
    expect(expectSecurityHeaders((await request.get('/signin')).headers())).not.toBe(nonce);
  });

  test('an API response and a redirect carry them', async ({ request }) => {
    const api = await request.get('/api/denials');
    expect(api.status()).toBe(401);
    expectSecurityHeaders(api.headers());
    const redirect = await request.get('/queue', { maxRedirects: 0 });
    expect(redirect.status()).toBe(307);
    expectSecurityHeaders(redirect.headers());
  });

  test('a static file is nosniff and may not be framed', async ({ request }) => {
    const html = await (await request.get('/signin')).text();
    const asset = html.match(/\/_next\/static\/[^"]+\.js/)![0];
    const res = await request.get(asset);
    expect(res.status()).toBe(200);
    expect(res.headers()['x-content-type-options']).toBe('nosniff');
    expect(res.headers()['x-frame-options']).toBe('DENY');
  });
});
