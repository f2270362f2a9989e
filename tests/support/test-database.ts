// A fresh, migrated database for one test run: on the server named by DATABASE_URL when set (its database
// part is replaced), otherwise on the embedded cluster .data/test. Dropped again by `drop()`. Its `url` is the
// owner's (migrations, truncating between tests); appRoleUrl() gives the app's least-privilege role on it.
import pg from 'pg';
import { ensureAppRole } from '../../scripts/db/app-role';
import { startEmbeddedPostgres } from '../../scripts/db/embedded';
import { applyMigrations } from '../../scripts/db/migrate';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const server = process.env.DATABASE_URL
    ? { url: withDatabase(process.env.DATABASE_URL, 'postgres'), stop: async () => {} }
    : await startEmbeddedPostgres('test', 'postgres', 54339);
  // A random part too: one process may make two in the same millisecond (tests that race two databases).
  const name = `${prefix}_${Date.now()}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(server.url, name);
  await applyMigrations(url);
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: server.url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
      await server.stop();
    },
  };
}

/** The app's role in test databases: roles are cluster-wide, so one role serves (and is granted in) each of them. */
export const TEST_APP_ROLE = 'overturn_test_app';
// A password because the embedded test cluster asks every role for one; test-only, like the databases.
const TEST_APP_PASSWORD = 'overturn-test-app-password';

/** The URL of `database` as the app's role, which is created or repaired and granted there first. */
export function appRoleUrl(database: TestDatabase): Promise<string> {
  return ensureAppRole(database.url, { role: TEST_APP_ROLE, password: TEST_APP_PASSWORD });
}
