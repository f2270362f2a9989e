// docs/deployment.md gives a DBA the app role's grants to run by hand: they must be the ones the code runs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appGrantStatements, quoteIdent } from '@/scripts/db/app-grants';
import { APP_ROLE_ATTRIBUTES } from '@/scripts/db/app-role';

const docs = readFileSync(path.resolve(import.meta.dirname, '../../../docs/deployment.md'), 'utf8');

describe('the app role in docs/deployment.md', () => {
  it('lists every grant the code runs, in the same order', () => {
    const statements = appGrantStatements('overturn_app', 'overturn').map((s) => `${s};`);
    const positions = statements.map((s) => docs.indexOf(s));
    expect(positions.filter((p) => p < 0)).toEqual([]);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('creates the role with the attributes the code gives it', () => {
    expect(docs).toContain(`CREATE ROLE "overturn_app" WITH ${APP_ROLE_ATTRIBUTES.join(' ')} PASSWORD`);
  });
});

describe('quoteIdent', () => {
  it.each([
    ['overturn_app', '"overturn_app"'],
    ['App Role', '"App Role"'],
    ['a"b', '"a""b"'],
  ])('quotes %s as %s', (name, quoted) => {
    expect(quoteIdent(name)).toBe(quoted);
  });
});
