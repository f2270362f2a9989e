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

/** Whether a process of this machine is alive (signal 0 tests for existence; EPERM means it is, as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Drops the databases an earlier run of this kind left behind because its process was killed before it could
 * (their names carry the creating process's id). Sweeping here, at the next start, rather than in Playwright's
 * global teardown: that teardown runs while the web server still holds connections to its database.
 */
async function dropOrphans(serverUrl: string, prefix: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>('SELECT datname FROM pg_database WHERE starts_with(datname, $1)', [`${prefix}_`]);
    const named = new RegExp(`^${prefix}_\\d+_(\\d+)(?:_[a-z0-9]+)?$`); // prefix_<ms>_<pid>[_<random>]
    for (const { datname } of rows) {
      const pid = Number(named.exec(datname)?.[1]);
      if (!Number.isInteger(pid) || pid <= 0 || alive(pid)) continue;
      await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(datname)} WITH (FORCE)`).catch(() => {});
    }
  } finally {
    await admin.end();
  }
}

/**
 * `beside`: the URL of a database on a server that is already running (the e2e server's, embedded or not):
 * the new database goes on that server, which is neither started nor stopped here.
 */
export async function createTestDatabase(prefix: string, options: { beside?: string } = {}): Promise<TestDatabase> {
  const running = options.beside ?? process.env.DATABASE_URL;
  const server = running
    ? { url: withDatabase(running, 'postgres'), stop: async () => {} }
    : await startEmbeddedPostgres('test', 'postgres', 54339);
  await dropOrphans(server.url, prefix);
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
