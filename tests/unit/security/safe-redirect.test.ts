import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '@/lib/domain/safe-redirect';

const APP = 'http://localhost:3201';

describe('the redirect after sign-in', () => {
  it.each([
    ['/queue?x=1', '/queue?x=1'],
    ['/denials/0190?tab=notes#timeline', '/denials/0190?tab=notes#timeline'],
    ['/', '/'],
    ['queue', '/queue'],
    [`${APP}/imports`, '/imports'],
    // A same-origin path whose backslash stays encoded: the browser asks this server for it.
    ['/%5Cevil.example', '/%5Cevil.example'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    // Browsers drop tabs and newlines inside URLs.
    ['/que\nue?x=1', '/queue?x=1'],
  ])('keeps the same-origin %j as %j', (target, expected) => {
    expect(safeRedirectPath(target, APP)).toBe(expected);
  });

  it.each([
    '/\\evil.example/phish',
    '/\t/evil.example',
    '/\\t/evil.example',
    '//evil.example',
    '\\\\evil.example',
    '/\r\n/evil.example',
    ' //evil.example',
    '\u0000//evil.example',
    '/.//evil.example',
    'https://evil.example',
    'https://localhost:3201/queue',
    'http://localhost:3202/queue',
    'javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '',
    '   ',
  ])('sends %j home', (target) => {
    expect(safeRedirectPath(target, APP)).toBe('/');
  });

  it.each([undefined, null, 42, ['/queue']])('sends a non-string (%j) home', (target) => {
    expect(safeRedirectPath(target, APP)).toBe('/');
  });
});
