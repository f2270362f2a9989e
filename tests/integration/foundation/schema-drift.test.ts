import { inject, describe, expect, it } from 'vitest';
import pg from 'pg';
import { readMigrationsList } from '../../../scripts/db/migrate';
import { NO_FILTERS, SCHEMA_PATH, withSchemaEngine } from '../../../scripts/db/schema-engine';

// schema.prisma is what the client is generated from; the migrations are what databases get. A change to one
// without the other would pass every query test against the migrated database and still be wrong, so the
// engine replays the migrations into a scratch database and diffs the result against the schema.
function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

describe('schema.prisma and prisma/migrations', () => {
  it('describe the same database (no migration is missing)', async () => {
    const adminUrl = withDatabase(inject('databaseUrl'), 'postgres');
    const scratch = `overturn_drift_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${scratch}"`);
    try {
      const sql = await withSchemaEngine(withDatabase(adminUrl, scratch), async (engine, schemaText) => {
        const out = await engine.diff({
          from: { tag: 'migrations', ...(await readMigrationsList()) },
          to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: schemaText }] },
          script: true,
          exitCode: null,
          filters: NO_FILTERS,
        });
        return (out.stdout ?? '').trim();
      });
      expect(sql === '' || sql.startsWith('-- This is an empty migration') ? '' : sql).toBe('');
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
