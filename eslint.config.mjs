import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Imports go one way: domain <- server <- app, and domain <- client <- components/app (house-style.md).
// tests/unit/lint/import-directions.test.ts lints a probe for every direction below and expects each to fail.
//
// Two rules share the work. import/no-restricted-paths judges project files by where the import resolves
// (eslint-config-next's TypeScript resolver reads the '@/' alias from tsconfig), so '@/lib/server/db' and
// '../../lib/server/db' are one and the same. It cannot see packages or Node builtins (those resolve to nothing
// or to node_modules), so no-restricted-imports judges those by name.

// import/no-restricted-paths reads its zones from process.cwd() unless told: anchor them here, so that linting
// from a subdirectory or through the Node API judges the same paths.
const ROOT = path.dirname(fileURLToPath(import.meta.url));
const CLOCK = 'Pass "today" in: the domain never reads the clock.';
const DOMAIN_PURE = 'lib/domain is pure: it imports only lib/domain and zod — no Node builtins, framework, database or parser packages.';
const NO_PRISMA_IN_UI = 'Browser code never sees Prisma: use the wire types (DTOs) from lib/domain.';

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: ['.next/**', '.next-*/**', 'node_modules/**', 'lib/generated/**', '.data/**', 'bench/.out/**', 'playwright-report/**', 'test-results/**', 'next-env.d.ts'],
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          basePath: ROOT,
          zones: [
            // An allow-list: everything in the project outside lib/domain (lib/node, lib/env.ts, prisma/, ...) is out.
            // Packages resolve into node_modules and are left to no-restricted-imports below.
            { target: './lib/domain', from: '.', except: ['./lib/domain', './node_modules'], message: DOMAIN_PURE },
            { target: './lib/server', from: ['./lib/client', './app', './components'], message: 'lib/server must not import UI code.' },
            {
              target: './lib/client',
              from: ['./lib/server', './lib/node', './lib/generated', './app', './components'],
              message: 'lib/client is browser code below the components: no lib/server, lib/node, Prisma types, components or app.',
            },
            {
              target: './components',
              from: ['./lib/server', './lib/node', './lib/generated', './app'],
              message: 'Components are browser code: no lib/server, lib/node, Prisma types or app.',
            },
            // app calls operations in lib/server; only they touch the database.
            {
              target: './app',
              from: ['./lib/server/db.ts', './lib/server/db', './lib/generated'],
              message: 'app calls operations in lib/server, never the database client or Prisma itself.',
            },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['lib/domain/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        // Any bare specifier but zod: Node builtins with or without 'node:', next, react, @tanstack, @prisma, pg,
        // papaparse, server-only. Relative and '@/' imports are judged by import/no-restricted-paths above.
        { patterns: [{ regex: '^(?!\\.|@/|zod(?:/|$))', message: DOMAIN_PURE }] },
      ],
      // Globals that reach the runtime without an import.
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'require', 'fetch', 'window', 'document'].map((name) => ({ name, message: DOMAIN_PURE })),
        ...['performance', 'setTimeout', 'setInterval'].map((name) => ({ name, message: CLOCK })),
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: CLOCK },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: CLOCK },
        { selector: "CallExpression[callee.name='Date']", message: CLOCK },
        { selector: 'ImportExpression', message: `${DOMAIN_PURE} (Static imports only, so the rules above can see them.)` },
      ],
    },
  },
  {
    files: ['lib/client/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      // Generated Prisma types under '@/lib/generated' are caught by import/no-restricted-paths; the package is not.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@prisma/*', '.prisma/*'], message: NO_PRISMA_IN_UI },
            { group: ['server-only', 'pg', 'pg-boss'], message: 'Browser code never imports server-only modules.' },
          ],
        },
      ],
    },
  },
];

export default config;
