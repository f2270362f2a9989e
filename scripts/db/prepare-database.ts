// The database `npm start` and `npm run db:migrate` work on, made ready for the app: migrated as the owner,
// then the app's role granted again (docs/decisions/0013-two-database-roles.md). Embedded: the owner is the
// cluster's superuser and the app's role `overturn_app` is made and used here. DATABASE_URL: the app uses it as
// given; when DATABASE_OWNER_URL names another role, that role runs the migrations and re-grants DATABASE_URL's.
import path from 'node:path';
import pg from 'pg';
import { ensureAuditPartitions } from '../../lib/server/audit/audit-partitions';
import { appRoleUrl, ensureAppRole, regrantAppRole } from './app-role';
import { localSecret } from './local-secret';
import { applyMigrations } from './migrate';
import { resolveDatabase } from './resolve-database';

export const EMBEDDED_APP_ROLE = 'overturn_app';

/** The embedded cluster's app-role password, generated once (its pg_hba asks every role for a password). */
export function embeddedAppPassword(cluster: string): string {
  return localSecret(path.resolve(import.meta.dirname, '../../.data', `${cluster}.app-password`), 24);
}

/** The app's URL on a running embedded cluster whose superuser URL is `ownerUrl`. */
export function embeddedAppUrl(ownerUrl: string, cluster: string): string {
  return appRoleUrl(ownerUrl, EMBEDDED_APP_ROLE, embeddedAppPassword(cluster));
}

export interface PreparedDatabase {
  ownerUrl: string;
  appUrl: string;
  applied: string[];
  embedded: boolean;
  stop(): Promise<void>;
}

export async function prepareDatabase(cluster: string, database: string): Promise<PreparedDatabase> {
  const given = process.env.DATABASE_URL;
  const db = await resolveDatabase(cluster, database);
  const applied = await applyMigrations(db.url);
  await withClient(db.url, ensureAuditPartitions);
  const appUrl = given
    ? await regrantGivenRole(db.url, given)
    : await ensureAppRole(db.url, { role: EMBEDDED_APP_ROLE, password: embeddedAppPassword(cluster) });
  return { ownerUrl: db.url, appUrl, applied, embedded: !given, stop: db.stop };
}

async function withClient(url: string, fn: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

/** DATABASE_URL's role granted again after the migrations, when the owner is another role. */
async function regrantGivenRole(ownerUrl: string, appUrl: string): Promise<string> {
  const role = decodeURIComponent(new URL(appUrl).username);
  if (role && role !== decodeURIComponent(new URL(ownerUrl).username)) await regrantAppRole(ownerUrl, role);
  return appUrl;
}
