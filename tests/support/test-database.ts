// A fresh, migrated database for one test run: on the server named by DATABASE_URL when set (its database
// part is replaced), otherwise on the embedded cluster .data/test. Dropped again by `drop()`.
import pg from 'pg';
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
  const name = `${prefix}_${Date.now()}_${process.pid}`;
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
