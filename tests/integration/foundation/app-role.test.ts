// The app's least-privilege role (scripts/db/app-role.ts), against real PostgreSQL: what it may do, what it is
// refused, and that making it is idempotent and safe to race. The rest of the suite connects as the owner.
import pg from 'pg';
import { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appRoleUrl as testAppRoleUrl, createTestDatabase, TEST_APP_ROLE, type TestDatabase, withDatabase } from '../../support/test-database';
import { appRoleUrl, ensureAppRole, regrantAppRole } from '../../../scripts/db/app-role';
import { applyMigrations } from '../../../scripts/db/migrate';
import { privilegedAppWarning } from '../../../scripts/db/role-problems';

const ownerUrl = inject('databaseUrl');
let appUrl: string;
let app: pg.Client;

beforeAll(async () => {
  appUrl = await testAppRoleUrl({ url: ownerUrl, drop: async () => {} });
  app = new pg.Client({ connectionString: appUrl });
  await app.connect();
});

afterAll(async () => {
  await app.end();
});

async function asOwner<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The role's table privileges, as `table: PRIV,PRIV` lines. */
async function tableGrants(role: string): Promise<string[]> {
  const { rows } = await asOwner((c) =>
    c.query<{ line: string }>(
      `SELECT table_name || ': ' || string_agg(privilege_type, ',' ORDER BY privilege_type) AS line
         FROM information_schema.role_table_grants WHERE grantee = $1 AND table_schema = 'public'
        GROUP BY table_name ORDER BY table_name`,
      [role],
    ),
  );
  return rows.map((r) => r.line);
}

const insertEvent = `INSERT INTO audit_event (action, "entityType") VALUES ('test.app-role', 'test') RETURNING id`;

describe('the app role', () => {
  it('is a login role with no superuser, createdb, createrole, replication or bypassrls, and owns no table', async () => {
    const { rows } = await app.query(
      `SELECT rolcanlogin, rolsuper, rolcreatedb, rolcreaterole, rolreplication, rolbypassrls,
              pg_get_userbyid((SELECT relowner FROM pg_class WHERE oid = 'audit_event'::regclass)) <> current_user AS not_owner
         FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows[0]).toEqual({ rolcanlogin: true, rolsuper: false, rolcreatedb: false, rolcreaterole: false, rolreplication: false, rolbypassrls: false, not_owner: true });
    expect(await privilegedAppWarning(appUrl)).toBeNull();
    expect(await privilegedAppWarning(ownerUrl)).toMatch(/^Warning: the app connects to PostgreSQL as "postgres", which is a superuser/);
  });

  it('appends to and reads the audit trail', async () => {
    const { rows } = await app.query<{ id: string }>(insertEvent);
    const read = await app.query('SELECT action FROM audit_event WHERE id = $1', [rows[0]!.id]);
    expect(read.rows).toEqual([{ action: 'test.app-role' }]);
  });

  it.each([
    ['UPDATE', `UPDATE audit_event SET action = 'tampered'`],
    ['DELETE', 'DELETE FROM audit_event'],
    ['TRUNCATE', 'TRUNCATE audit_event'],
    ['disable its triggers', 'ALTER TABLE audit_event DISABLE TRIGGER ALL'],
    ['drop its trigger', 'DROP TRIGGER audit_event_no_update_delete ON audit_event'],
    ['replace its trigger function', `CREATE OR REPLACE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`],
    ['turn triggers off for the session', 'SET session_replication_role = replica'],
    ['become the owner', 'SET ROLE postgres'],
  ])('may not %s on the audit trail', async (_what, sql) => {
    await expect(app.query(sql)).rejects.toMatchObject({ code: '42501' });
  });

  it.each([
    ['drop a table', 'DROP TABLE denial'],
    ['alter a table', 'ALTER TABLE denial ADD COLUMN tampered int'],
    ['truncate a table', 'TRUNCATE denial CASCADE'],
    ['create a table', 'CREATE TABLE public.tampered (id int)'],
    ['create a role', 'CREATE ROLE tampered LOGIN'],
    ['create a database', 'CREATE DATABASE tampered'],
    ['read the migrations’ checksums and logs', 'SELECT checksum, logs FROM _prisma_migrations'],
    ['change the migration bookkeeping', `UPDATE _prisma_migrations SET finished_at = now()`],
  ])('may not %s', async (_what, sql) => {
    await expect(app.query(sql)).rejects.toMatchObject({ code: '42501' });
  });

  it('reads which migrations finished, for the readiness check', async () => {
    const { rows } = await app.query('SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL');
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it('has exactly its grants: everything but UPDATE and DELETE on audit_event, nothing on _prisma_migrations', async () => {
    const grants = await tableGrants(TEST_APP_ROLE);
    expect(grants).toContain('audit_event: INSERT,SELECT');
    expect(grants).toContain('denial: DELETE,INSERT,SELECT,UPDATE');
    expect(grants.filter((g) => g.startsWith('_prisma_migrations'))).toEqual([]);
    expect(grants.filter((g) => g.includes('TRUNCATE') || g.includes('TRIGGER') || g.includes('REFERENCES'))).toEqual([]);
    const tables = await asOwner((c) => c.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`));
    expect(grants).toHaveLength(tables.rows[0].n);
  });

  it('is idempotent: made again, the role, its grants and its password are unchanged', async () => {
    const before = await tableGrants(TEST_APP_ROLE);
    expect(await testAppRoleUrl({ url: ownerUrl, drop: async () => {} })).toBe(appUrl);
    expect(await testAppRoleUrl({ url: ownerUrl, drop: async () => {} })).toBe(appUrl);
    expect(await tableGrants(TEST_APP_ROLE)).toEqual(before);
    const again = new pg.Client({ connectionString: appUrl });
    await again.connect();
    await again.end();
  });
});

describe('making the app role at once from several processes', () => {
  const role = `overturn_race_${process.pid}_${Date.now().toString(36)}`;
  let first: TestDatabase;
  let second: TestDatabase;

  beforeAll(async () => {
    [first, second] = await Promise.all([createTestDatabase('overturn_race'), createTestDatabase('overturn_race')]);
    // `second` as an installation from before the app had its own role: pg-boss installed by the owner.
    const boss = new PgBoss({ connectionString: second.url, max: 1 });
    await boss.start();
    await boss.createQueue('left-by-the-owner');
    await boss.send('left-by-the-owner', { n: 1 });
    await boss.stop({ graceful: false });
  });

  afterAll(async () => {
    await Promise.all([first?.drop(), second?.drop()]);
    await asOwner((c) => c.query(`DROP ROLE IF EXISTS "${role}"`));
  });

  it('creates one role and grants it in each database, whichever run wins', async () => {
    const runs = [first, first, second, second].map((db) => ensureAppRole(db.url, { role, password: 'race-password' }));
    const urls = await Promise.all(runs);
    expect(new Set(urls.map((u) => new URL(u).username))).toEqual(new Set([role]));
    const roles = await asOwner((c) => c.query('SELECT count(*)::int AS n FROM pg_roles WHERE rolname = $1', [role]));
    expect(roles.rows[0].n).toBe(1);
    for (const url of [urls[0]!, urls[2]!]) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(insertEvent);
        await expect(client.query('DELETE FROM audit_event')).rejects.toMatchObject({ code: '42501' });
      } finally {
        await client.end();
      }
    }
  });

  it('grants a table a later migration adds when the grants are renewed', async () => {
    const client = new pg.Client({ connectionString: first.url });
    await client.connect();
    try {
      await client.query('CREATE TABLE added_later (id int)');
      await regrantAppRole(first.url, role);
      const { rows } = await client.query(
        `SELECT string_agg(privilege_type, ',' ORDER BY privilege_type) AS p FROM information_schema.role_table_grants WHERE grantee = $1 AND table_name = 'added_later'`,
        [role],
      );
      expect(rows).toEqual([{ p: 'DELETE,INSERT,SELECT,UPDATE' }]);
    } finally {
      await client.end();
    }
  });

  it("hands pg-boss's schema, installed while the app ran as the owner, over to the role with its jobs", async () => {
    const boss = new PgBoss({ connectionString: appRoleUrl(second.url, role, 'race-password'), max: 1, createSchema: false });
    await boss.start();
    try {
      expect(await boss.fetch('left-by-the-owner')).toHaveLength(1);
      await boss.createQueue('made-by-the-role');
      await boss.send('made-by-the-role', { n: 2 });
      expect(await boss.fetch('made-by-the-role')).toHaveLength(1);
    } finally {
      await boss.stop({ graceful: false });
    }
  });
});

describe('on a managed server, where the owner is a CREATEROLE role, not a superuser', () => {
  const tag = `${process.pid}_${Date.now().toString(36)}`;
  const owner = `overturn_owner_${tag}`;
  const role = `overturn_managed_app_${tag}`;
  const database = `overturn_managed_${tag}`;
  let managedOwnerUrl: string;

  beforeAll(async () => {
    await asOwner(async (c) => {
      await c.query(`CREATE ROLE "${owner}" LOGIN CREATEROLE PASSWORD 'owner-password'`);
      await c.query(`CREATE DATABASE "${database}" OWNER "${owner}"`);
    });
    managedOwnerUrl = appRoleUrl(withDatabase(ownerUrl, database), owner, 'owner-password');
    await applyMigrations(managedOwnerUrl);
  });

  afterAll(async () => {
    await asOwner(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await c.query(`DROP ROLE IF EXISTS "${role}"`);
      await c.query(`DROP ROLE IF EXISTS "${owner}"`);
    });
  });

  it('creates the role, its grants and its pg-boss schema, and the role is as limited', async () => {
    const url = await ensureAppRole(managedOwnerUrl, { role, password: 'managed-app-password' });
    expect(await ensureAppRole(managedOwnerUrl, { role })).toBe(appRoleUrl(managedOwnerUrl, role));
    expect(await privilegedAppWarning(url)).toBeNull();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(insertEvent);
      await expect(client.query('DELETE FROM audit_event')).rejects.toMatchObject({ code: '42501' });
      await expect(client.query('ALTER TABLE audit_event DISABLE TRIGGER ALL')).rejects.toMatchObject({ code: '42501' });
      await expect(client.query(`SET ROLE "${owner}"`)).rejects.toMatchObject({ code: '42501' });
      const schema = await client.query(`SELECT pg_get_userbyid(nspowner) AS owner FROM pg_namespace WHERE nspname = 'pgboss'`);
      expect(schema.rows).toEqual([{ owner: role }]);
    } finally {
      await client.end();
    }
  });
});
