// GET /api/ready's check (lib/server/readiness.ts) against real PostgreSQL, as the app's least-privilege role:
// ready on a migrated database; not ready, with a reason, when a migration is missing, when the database cannot
// be reached and when it does not answer in time.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkReadiness } from '@/lib/server/readiness';
import { appRoleUrl } from '../../support/test-database';

const ownerUrl = inject('databaseUrl');
let app: pg.Pool;
let owner: pg.Pool;

beforeAll(async () => {
  app = new pg.Pool({ connectionString: await appRoleUrl({ url: ownerUrl, drop: async () => {} }), max: 2 });
  owner = new pg.Pool({ connectionString: ownerUrl, max: 2 });
});

afterAll(async () => {
  await Promise.all([app.end(), owner.end()]);
});

describe('checkReadiness', () => {
  it('is ready when the database answers and has every migration of this version', async () => {
    expect(await checkReadiness(app)).toEqual({ ready: true });
  });

  it('is not ready while a migration of this version is not applied', async () => {
    const client = await owner.connect();
    try {
      // The newest migration marked rolled back (committed: the check reads on its own connection), then restored.
      const { rows } = await client.query<{ id: string }>('SELECT id FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1');
      await client.query('UPDATE _prisma_migrations SET rolled_back_at = now() WHERE id = $1', [rows[0]!.id]);
      try {
        expect(await checkReadiness(app)).toMatchObject({ ready: false, reason: 'migrations_pending', pending: 1 });
      } finally {
        await client.query('UPDATE _prisma_migrations SET rolled_back_at = NULL WHERE id = $1', [rows[0]!.id]);
      }
    } finally {
      client.release();
    }
    expect(await checkReadiness(app)).toEqual({ ready: true });
  });

  it('is not ready when the database cannot be reached, and says so without details', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const closed = new pg.Pool({ connectionString: 'postgresql://nobody@127.0.0.1:1/none', max: 1 });
    try {
      const verdict = await checkReadiness(closed);
      expect(verdict).toEqual({ ready: false, reason: 'database_unreachable', message: 'The database cannot be reached.' });
    } finally {
      await closed.end();
    }
  });

  it('is not ready when the database does not answer within the timeout', async () => {
    const locker = await owner.connect();
    try {
      // A lock that blocks the check's read, as a stuck database would.
      await locker.query('BEGIN; LOCK TABLE _prisma_migrations IN ACCESS EXCLUSIVE MODE');
      const started = performance.now();
      const verdict = await checkReadiness(app, 300);
      expect(verdict).toMatchObject({ ready: false, reason: 'database_timeout' });
      expect(performance.now() - started).toBeLessThan(5_000);
    } finally {
      await locker.query('ROLLBACK');
      locker.release();
    }
    expect(await checkReadiness(app)).toEqual({ ready: true });
  });
});
