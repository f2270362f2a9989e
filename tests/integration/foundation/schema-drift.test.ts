import { inject, describe, expect, it } from 'vitest';
import pg from 'pg';
import { schemaChangeSinceMigrations } from '../../../scripts/db/migrate';
import { withDatabase } from '../../support/test-database';

// schema.prisma is what the client is generated from; the migrations are what databases get. A change to one
// without the other would pass every query test against the migrated database and still be wrong, so the
// engine replays the migrations into a scratch database and diffs the result against the schema.
describe('schema.prisma and prisma/migrations', () => {
  it('describe the same database (no migration is missing)', async () => {
    const adminUrl = withDatabase(inject('databaseUrl'), 'postgres');
    const scratch = `overturn_drift_${Date.now()}_${process.pid}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${scratch}"`);
    try {
      expect(await schemaChangeSinceMigrations(withDatabase(adminUrl, scratch))).toBe('');
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
      await admin.end();
    }
  });
});
