// The layering lint (eslint.config.mjs) proves itself: a small probe file breaks each rule and must be refused, and
// the imports each layer is allowed must pass, so this fails both when a hole opens and when a rule overreaches.
// Probes are virtual text at a path inside the layer; the imports they name resolve to real files of the tree.
import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const PATHS = 'import/no-restricted-paths';
const NAMES = 'no-restricted-imports';
const GLOBALS = 'no-restricted-globals';
const SYNTAX = 'no-restricted-syntax';

const DOMAIN = 'lib/domain/lint-probe.ts';
const X12 = 'lib/domain/x12/lint-probe.ts';
const PAGE = 'app/(app)/lint-probe/page.tsx';
const ROUTE = 'app/api/lint-probe/route.ts';
const COMPONENT = 'components/lint-probe.tsx';
const NESTED_COMPONENT = 'components/denials/lint-probe.tsx';
const CLIENT = 'lib/client/lint-probe.ts';
const SERVER = 'lib/server/denials/lint-probe.ts';

const value = (spec: string) => `import * as probe from '${spec}';\nexport { probe };\n`;
const type = (spec: string) => `import type * as Probe from '${spec}';\nexport type { Probe };\n`;
const reexport = (spec: string) => `export * from '${spec}';\n`;
const sideEffect = (spec: string) => `import '${spec}';\nexport {};\n`;

let eslint: ESLint;

beforeAll(async () => {
  // Only the layering rules run: three times faster, and an allowed probe is judged by them alone.
  const layering = new Set([PATHS, NAMES, GLOBALS, SYNTAX]);
  eslint = new ESLint({ cwd: ROOT, ruleFilter: ({ ruleId }) => layering.has(ruleId) });
  // The first lint loads the config, the plugins and the TypeScript resolver; later probes take milliseconds.
  await eslint.lintText('export {};\n', { filePath: path.join(ROOT, DOMAIN) });
}, 60_000);

async function lint(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).map((m) => ({ rule: m.ruleId, line: m.line }));
}

// [what it shows, file, code, the rule that must refuse it]
const refused: [string, string, string, string][] = [
  // lib/domain is pure: no Node, no framework, no database, no other layer (lib/domain/x12 included).
  ['domain -> fs', DOMAIN, value('fs'), NAMES],
  ['domain -> node:fs', DOMAIN, value('node:fs'), NAMES],
  ['domain -> fs/promises', DOMAIN, value('node:fs/promises'), NAMES],
  ['domain -> crypto', DOMAIN, value('crypto'), NAMES],
  ['domain -> node:crypto', DOMAIN, value('node:crypto'), NAMES],
  ['domain -> path', DOMAIN, value('path'), NAMES],
  ['domain -> node:buffer', DOMAIN, value('node:buffer'), NAMES],
  ['domain -> a type from node:stream', DOMAIN, type('node:stream'), NAMES],
  ['domain -> re-export of node:fs', DOMAIN, reexport('node:fs'), NAMES],
  ['domain -> papaparse', DOMAIN, value('papaparse'), NAMES],
  ['domain -> react', DOMAIN, value('react'), NAMES],
  ['domain -> next', DOMAIN, value('next'), NAMES],
  ['domain -> next/server', DOMAIN, value('next/server'), NAMES],
  ['domain -> next/navigation', DOMAIN, value('next/navigation'), NAMES],
  ['domain -> @tanstack/react-query', DOMAIN, value('@tanstack/react-query'), NAMES],
  ['domain -> a type from @tanstack/react-query', DOMAIN, type('@tanstack/react-query'), NAMES],
  ['domain -> @prisma/client', DOMAIN, value('@prisma/client'), NAMES],
  ['domain -> a type from @prisma/client', DOMAIN, type('@prisma/client'), NAMES],
  ['domain -> pg', DOMAIN, value('pg'), NAMES],
  ['domain -> server-only', DOMAIN, sideEffect('server-only'), NAMES],
  ['domain -> lib/node (alias)', DOMAIN, value('@/lib/node/ascii-text'), PATHS],
  ['domain -> lib/node (relative)', DOMAIN, value('../node/ascii-text'), PATHS],
  ['domain -> generated Prisma (alias)', DOMAIN, value('@/lib/generated/prisma/client'), PATHS],
  ['domain -> a generated Prisma type', DOMAIN, type('@/lib/generated/prisma/enums'), PATHS],
  ['domain -> generated Prisma (relative)', DOMAIN, type('../generated/prisma/client'), PATHS],
  ['domain -> lib/server (alias)', DOMAIN, value('@/lib/server/db'), PATHS],
  ['domain -> lib/server (relative)', DOMAIN, value('../server/db'), PATHS],
  ['domain -> lib/client', DOMAIN, value('@/lib/client/query-client'), PATHS],
  ['domain -> components', DOMAIN, value('@/components/ui/button'), PATHS],
  ['domain -> app', DOMAIN, value('@/app/layout'), PATHS],
  ['domain -> lib/env (reads process.env)', DOMAIN, value('@/lib/env'), PATHS],
  ['x12 -> node:fs', X12, value('node:fs'), NAMES],
  ['x12 -> crypto', X12, value('crypto'), NAMES],
  ['x12 -> lib/node (relative)', X12, value('../../node/ascii-text'), PATHS],
  ['x12 -> lib/node (alias)', X12, value('@/lib/node/ascii-text'), PATHS],
  ['x12 -> lib/server', X12, value('../../server/db'), PATHS],
  ['x12 -> @tanstack/react-query', X12, value('@tanstack/react-query'), NAMES],
  ['x12 -> react', X12, value('react'), NAMES],
  // The domain never reads the clock or the runtime: "today" and every input are arguments.
  ['domain reads Date.now()', DOMAIN, 'export const now = Date.now();\n', SYNTAX],
  ['domain reads new Date()', DOMAIN, 'export const now = new Date();\n', SYNTAX],
  ['domain reads Date()', DOMAIN, 'export const now = Date();\n', SYNTAX],
  ['x12 reads Date.now()', X12, 'export const now = Date.now();\n', SYNTAX],
  ['x12 reads new Date()', X12, 'export const now = new Date();\n', SYNTAX],
  ['domain reads performance.now()', DOMAIN, 'export const now = performance.now();\n', GLOBALS],
  ['domain schedules a timer', DOMAIN, 'export const timer = setTimeout(() => undefined, 1);\n', GLOBALS],
  ['domain reads process.env', DOMAIN, 'export const env = process.env.TZ;\n', GLOBALS],
  ['domain uses Buffer', DOMAIN, "export const bytes = Buffer.from('x');\n", GLOBALS],
  ['domain calls fetch', DOMAIN, "export const page = fetch('/');\n", GLOBALS],
  ['domain requires fs', DOMAIN, "export const fs = require('fs');\n", GLOBALS],
  ['domain imports fs dynamically', DOMAIN, "export const fs = import('node:fs');\n", SYNTAX],
  // app calls operations in lib/server; only they touch the database.
  ['page -> lib/server/db (alias)', PAGE, value('@/lib/server/db'), PATHS],
  ['page -> lib/server/db (relative)', PAGE, value('../../../lib/server/db'), PATHS],
  ['route -> lib/server/db', ROUTE, value('@/lib/server/db'), PATHS],
  ['page -> generated Prisma client', PAGE, value('@/lib/generated/prisma/client'), PATHS],
  // Components and lib/client run in the browser: no Prisma, not even its types, and nothing server-side.
  ['component -> a generated Prisma type', COMPONENT, type('@/lib/generated/prisma/client'), PATHS],
  ['component -> a generated Prisma enum', NESTED_COMPONENT, type('@/lib/generated/prisma/enums'), PATHS],
  ['component -> generated Prisma (relative)', NESTED_COMPONENT, type('../../lib/generated/prisma/client'), PATHS],
  ['component -> a type from @prisma/client', COMPONENT, type('@prisma/client'), NAMES],
  ['component -> lib/server (alias)', COMPONENT, value('@/lib/server/auth'), PATHS],
  ['component -> lib/server (relative)', NESTED_COMPONENT, value('../../lib/server/db'), PATHS],
  ['component -> a type from lib/server', COMPONENT, type('@/lib/server/auth'), PATHS],
  ['component -> lib/node', COMPONENT, value('@/lib/node/ascii-text'), PATHS],
  ['component -> app', COMPONENT, value('@/app/layout'), PATHS],
  ['component -> server-only', COMPONENT, sideEffect('server-only'), NAMES],
  ['lib/client -> a generated Prisma type', CLIENT, type('@/lib/generated/prisma/client'), PATHS],
  ['lib/client -> generated Prisma (relative)', CLIENT, type('../generated/prisma/enums'), PATHS],
  ['lib/client -> @prisma/client', CLIENT, value('@prisma/client'), NAMES],
  ['lib/client -> a type from @prisma/client', CLIENT, type('@prisma/client'), NAMES],
  ['lib/client -> lib/server (alias)', CLIENT, value('@/lib/server/db'), PATHS],
  ['lib/client -> lib/server (relative)', CLIENT, value('../server/auth'), PATHS],
  ['lib/client -> a type from lib/server', CLIENT, type('@/lib/server/auth'), PATHS],
  ['lib/client -> components (alias)', CLIENT, value('@/components/notices'), PATHS],
  ['lib/client -> components (relative)', CLIENT, value('../../components/ui/button'), PATHS],
  ['lib/client -> app', CLIENT, value('@/app/layout'), PATHS],
  ['lib/client -> lib/node', CLIENT, value('@/lib/node/ascii-text'), PATHS],
  // lib/server never reaches up into UI code.
  ['lib/server -> components', SERVER, value('@/components/ui/button'), PATHS],
  ['lib/server -> lib/client', SERVER, value('../../client/query-client'), PATHS],
  ['lib/server -> app', SERVER, value('@/app/layout'), PATHS],
];

// [what it shows, file, code]
const allowed: [string, string, string][] = [
  ['domain -> zod', DOMAIN, value('zod')],
  ['domain -> domain (alias)', DOMAIN, value('@/lib/domain/money')],
  ['domain -> domain (relative)', DOMAIN, value('./dates')],
  ['domain -> x12', DOMAIN, type('./x12/types')],
  ['x12 -> domain (relative)', X12, value('../dates')],
  ['x12 -> x12', X12, value('./money')],
  ['domain builds a date from its argument', DOMAIN, 'export const at = (iso: string) => [new Date(iso), Date.parse(iso), Date.UTC(2026, 0, 1)];\n'],
  ['page -> a lib/server module other than db', PAGE, value('@/lib/server/auth')],
  ['page -> domain, client, components, next', PAGE, `${value('@/lib/domain/money')}import * as c from '@/lib/client/query-client';\nimport * as b from '@/components/ui/button';\nimport * as n from 'next/navigation';\nexport { c, b, n };\n`],
  ['route -> a lib/server module other than db', ROUTE, value('@/lib/server/route')],
  ['component -> lib/client, domain, react, tanstack', COMPONENT, `${value('@/lib/client/query-client')}import * as d from '@/lib/domain/money';\nimport * as r from 'react';\nimport * as q from '@tanstack/react-query';\nexport { d, r, q };\n`],
  ['component -> component', NESTED_COMPONENT, value('../ui/button')],
  ['lib/client -> domain, tanstack', CLIENT, `${value('@/lib/domain/dates')}import * as q from '@tanstack/react-query';\nexport { q };\n`],
  ['lib/server -> db, generated Prisma, node, lib/node, domain', SERVER, `${sideEffect('server-only')}import * as db from '@/lib/server/db';\nimport type * as Prisma from '@/lib/generated/prisma/client';\nimport * as fs from 'node:fs';\nimport * as a from '@/lib/node/ascii-text';\nimport * as m from '../../domain/money';\nexport { db, fs, a, m };\nexport type { Prisma };\n`],
];

describe('the layering lint', () => {
  it.each(refused)('refuses %s', async (_what, file, code, rule) => {
    // Exactly one problem, from the rule meant to catch it, on the offending line (a parse error would prove nothing).
    expect(await lint(file, code)).toEqual([{ rule, line: 1 }]);
  });

  it.each(allowed)('allows %s', async (_what, file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
