// lib/domain is pure (house-style.md): no framework, database or Node imports, and no clock — "today" is an argument.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DOMAIN = path.resolve(import.meta.dirname, '../../../lib/domain');
// lib/domain/x12 has its own owner and tests; this guards the files beside it.
const files = readdirSync(DOMAIN).filter((name) => name.endsWith('.ts'));

describe.each(files)('lib/domain/%s', (name) => {
  const source = readFileSync(path.join(DOMAIN, name), 'utf8');

  it('imports nothing impure', () => {
    const imports = [...source.matchAll(/from\s+'([^']+)'|import\s+'([^']+)'/g)].map((m) => m[1] ?? m[2]);
    const impure = imports.filter((spec) => /^(next|react|@prisma|server-only|node:|fs$|path$)|lib\/(server|client|generated)/.test(spec ?? ''));
    expect(impure).toEqual([]);
  });

  it('never reads the clock', () => {
    expect(source).not.toMatch(/Date\.now\(|new Date\(\s*\)/);
  });
});
