import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

// Imports go one way: domain <- server <- app, and domain <- client <- components/app.
// lib/domain stays pure (no next, react, Prisma, server-only); client code never reaches into lib/server.
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
          zones: [
            { target: './lib/domain', from: ['./lib/server', './lib/client', './app', './components', './lib/generated'], message: 'lib/domain is pure.' },
            { target: './lib/server', from: ['./lib/client', './app', './components'], message: 'lib/server must not import UI code.' },
            { target: './lib/client', from: ['./lib/server', './app'], message: 'Client code never imports lib/server.' },
            { target: './components', from: ['./lib/server', './app'], message: 'Components never import lib/server.' },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['lib/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['next', 'next/*', 'react', 'react-dom', '@prisma/*', 'server-only', 'node:*', 'pg'], message: 'lib/domain is pure: no framework, database or Node imports.' }] },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Pass "today" in; the domain never reads the clock.' },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Pass "today" in; the domain never reads the clock.' },
      ],
    },
  },
];

export default config;
