import type { NextConfig } from 'next';
import { STATIC_SECURITY_HEADERS } from './lib/domain/security/headers';

const config: NextConfig = {
  // Native or binary-carrying packages stay outside the server bundle; pdfkit loads its data files and modules
  // at run time relative to itself (docs/decisions/0018-appeal-pdfs.md), and shares fontkit's font objects.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'pg-copy-streams', 'pg-boss', '@prisma/adapter-pg', 'pdfkit', 'fontkit'],
  // Separate build folders let several checkouts' test runs share a machine (NEXT_DIST_DIR=.next-e2e …).
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  // Server actions take small forms, never files (uploads go through app/api/imports). Their body limit is
  // lib/domain/request-limits.ts, enforced by the proxy (lib/server/action-body-guard.ts: 413 before Next reads
  // the body, where Next would answer 500); Next's own 1 MB limit is never reached, so no `experimental` switch.
  // Type-checking is `npm test`'s first step (tsc over app, scripts and tests); repeating it in every build
  // only delayed a newcomer's first `npm start` by most of a minute.
  typescript: { tsconfigPath: 'tsconfig.app.json', ignoreBuildErrors: true },
  typedRoutes: false,
  // The fixed security headers on every response, static files included; proxy.ts adds the CSP and HSTS.
  async headers() {
    return [{ source: '/:path*', headers: Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default config;
