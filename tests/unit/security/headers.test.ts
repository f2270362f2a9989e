import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '@/lib/domain/security/headers';

const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `));

describe('the content security policy', () => {
  const csp = contentSecurityPolicy({ nonce: 'abc123', https: false, dev: false });

  it('runs scripts only with the request’s nonce, never inline or eval in production', () => {
    expect(directive(csp, 'script-src')).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
  });

  it('may not be framed, posts forms only to itself and loads no plugins', () => {
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(csp, 'form-action')).toBe("form-action 'self'");
    expect(directive(csp, 'object-src')).toBe("object-src 'none'");
  });

  it('upgrades insecure requests only when served over https', () => {
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(contentSecurityPolicy({ nonce: 'n', https: true, dev: false })).toContain('upgrade-insecure-requests');
  });

  it('allows eval only under next dev', () => {
    expect(directive(contentSecurityPolicy({ nonce: 'n', https: false, dev: true }), 'script-src')).toContain("'unsafe-eval'");
  });
});
