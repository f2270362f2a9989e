import { inject, describe, expect, it } from 'vitest';
import pg from 'pg';
import { applyMigrations } from '../../../scripts/db/migrate';

describe('migrations', () => {
  it('apply to an already-migrated database without change', async () => {
    const url = inject('databaseUrl');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const before = await client.query('SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name');
    expect(before.rowCount).toBeGreaterThan(0);

    expect(await applyMigrations(url)).toEqual([]);
    expect(await applyMigrations(url)).toEqual([]);

    const after = await client.query('SELECT migration_name, checksum, finished_at IS NOT NULL AS done FROM _prisma_migrations ORDER BY migration_name');
    await client.end();
    expect(after.rows.map((r) => [r.migration_name, r.checksum])).toEqual(before.rows.map((r) => [r.migration_name, r.checksum]));
    expect(after.rows.every((r) => r.done)).toBe(true);
  });
});
