import { describe, expect, it } from 'vitest';
import { csrfVerdict, type CsrfRequest } from '@/lib/domain/security/csrf';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36';
const PUBLIC_URL = 'https://overturn.example.org';

function request(headers: Record<string, string>, extra: Partial<CsrfRequest> = {}): CsrfRequest {
  return { method: 'POST', headers: new Headers({ host: 'localhost:3000', ...headers }), protocol: 'http:', publicUrl: PUBLIC_URL, ...extra };
}

const browser = (origin: string, site = 'same-origin') => ({ origin, 'sec-fetch-site': site, 'sec-fetch-mode': 'cors', 'user-agent': CHROME });

describe('a state-changing request', () => {
  it.each([
    ['its own origin (Host + protocol)', browser('http://localhost:3000')],
    ['the public URL’s origin (behind a TLS proxy)', browser('https://overturn.example.org')],
    ['the public URL’s origin with the default port spelled out', browser('https://overturn.example.org:443')],
    ['no Origin from a client that is not a browser (curl, a script)', { 'user-agent': 'curl/8.5.0' }],
    ['no Origin and no User-Agent at all', {}],
  ])('is allowed from %s', (_, headers) => {
    expect(csrfVerdict(request(headers))).toEqual({ ok: true });
  });

  it.each([
    ['a foreign origin', browser('https://evil.example', 'cross-site'), 'foreign_origin'],
    ['another port on the same host (same-site, another origin)', browser('http://localhost:4000', 'same-site'), 'foreign_origin'],
    ['another scheme on the same host', browser('https://localhost:3000', 'same-site'), 'foreign_origin'],
    ['a sibling subdomain of the public URL', browser('https://evil.overturn.example.org', 'same-site'), 'foreign_origin'],
    ['the literal null origin (sandboxed frame, cross-origin redirect)', browser('null', 'cross-site'), 'null_origin'],
    ['an Origin that is not a URL', browser('not a url'), 'foreign_origin'],
    ['a browser with Fetch metadata but no Origin', { 'sec-fetch-site': 'same-origin', 'user-agent': CHROME }, 'missing_origin'],
    ['Sec-Fetch-Site alone without Origin', { 'sec-fetch-site': 'cross-site' }, 'missing_origin'],
    ['a browser User-Agent without Origin (an older browser)', { 'user-agent': CHROME }, 'missing_origin'],
    ['our origin marked cross-site by the browser', browser('http://localhost:3000', 'cross-site'), 'cross_site'],
    ['our origin marked same-site by the browser', browser('http://localhost:3000', 'same-site'), 'cross_site'],
  ])('is refused from %s', (_, headers, reason) => {
    expect(csrfVerdict(request(headers))).toEqual({ ok: false, reason });
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE', 'post'])('is checked for %s', (method) => {
    expect(csrfVerdict(request(browser('https://evil.example', 'cross-site'), { method })).ok).toBe(false);
  });

  it('trusts only the request’s own origin when no public URL is configured', () => {
    expect(csrfVerdict(request(browser('http://localhost:3000'), { publicUrl: null })).ok).toBe(true);
    expect(csrfVerdict(request(browser('https://overturn.example.org'), { publicUrl: null })).ok).toBe(false);
  });

  it('compares whole origins: the protocol the server saw counts', () => {
    expect(csrfVerdict(request(browser('https://localhost:3000'), { protocol: 'https:', publicUrl: null })).ok).toBe(true);
    expect(csrfVerdict(request(browser('http://localhost:3000'), { protocol: 'https:', publicUrl: null })).ok).toBe(false);
  });
});

describe('a safe request', () => {
  it.each(['GET', 'HEAD', 'OPTIONS'])('%s is never refused, whatever its origin', (method) => {
    expect(csrfVerdict(request(browser('https://evil.example', 'cross-site'), { method }))).toEqual({ ok: true });
  });
});
