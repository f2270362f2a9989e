// The app's own database role (docs/decisions/0013-two-database-roles.md): it logs in, reads and writes the
// app's tables and appends to the audit trail, and can do nothing a superuser or the tables' owner could —
// change or remove audit rows, disable triggers, set session_replication_role, alter or drop tables, create
// roles. The owner (the role migrations run as) creates it and grants it after every migration run.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { grantAppRole, quoteIdent } from './app-grants';

export interface AppRoleOptions {
  role: string;
  /** Set (or reset) as the role's password; left alone when omitted (a server that trusts local connections). */
  password?: string;
}

/** Attributes stated whole on CREATE; on an existing role only the wrong ones are altered (see below). */
export const APP_ROLE_ATTRIBUTES = ['LOGIN', 'NOSUPERUSER', 'NOCREATEDB', 'NOCREATEROLE', 'NOREPLICATION', 'NOBYPASSRLS'];

const DUPLICATE_OBJECT = '42710';
const UNIQUE_VIOLATION = '23505'; // CREATE ROLE racing another on pg_authid's unique index
const code = (e: unknown) => (e as { code?: string }).code;

/** A password for a generated role: 192 bits, URL-safe so it needs no escaping in DATABASE_URL. */
export function generatePassword(): string {
  return randomBytes(24).toString('base64url');
}

/** `url` with the role and password of the app's role in place of the owner's. */
export function appRoleUrl(url: string, role: string, password?: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(role);
  u.password = password ? encodeURIComponent(password) : '';
  return u.toString();
}

/**
 * Creates the app's role when missing, puts its attributes right, and grants it what the app needs in the
 * database `ownerUrl` names; returns the URL the app should use. Idempotent, and safe when two processes run it
 * at once: one database's runs wait for each other on an advisory lock, and a CREATE ROLE lost to a run in
 * another database of the same cluster (roles are cluster-wide) is taken as done.
 */
export async function ensureAppRole(ownerUrl: string, { role, password }: AppRoleOptions): Promise<string> {
  await asOwner(ownerUrl, async (client) => {
    await retriedOnConcurrentUpdate(() => createOrRepairRole(client, role, password));
    await grantAppRole(client, role);
  });
  return appRoleUrl(ownerUrl, role, password);
}

/** The grants of an existing `role` renewed after migrations (a role that does not exist is left to the DBA). */
export async function regrantAppRole(ownerUrl: string, role: string): Promise<void> {
  await asOwner(ownerUrl, async (client) => {
    if (await roleExists(client, role)) await grantAppRole(client, role);
  });
}

export async function appRoleExists(ownerUrl: string, role: string): Promise<boolean> {
  let exists = false;
  await asOwner(ownerUrl, async (client) => {
    exists = await roleExists(client, role);
  });
  return exists;
}

async function roleExists(client: pg.Client, role: string): Promise<boolean> {
  return Boolean((await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount);
}

/** `fn` on the owner's connection, one run per database at a time (concurrent GRANTs on one table collide). */
async function asOwner(ownerUrl: string, fn: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', ['overturn:app-role']);
    await fn(client);
  } finally {
    await client.end(); // also releases the session's advisory lock
  }
}

/**
 * Two databases' runs altering the one role at the same moment: the later ALTER fails with "tuple concurrently
 * updated" (the advisory lock is per database, and roles are not), and succeeds when run again.
 */
async function retriedOnConcurrentUpdate(fn: () => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (attempt >= 5 || code(e) !== 'XX000' || !/concurrently/.test((e as Error).message)) throw e;
    }
  }
}

interface RoleRow {
  rolcanlogin: boolean;
  rolsuper: boolean;
  rolcreatedb: boolean;
  rolcreaterole: boolean;
  rolreplication: boolean;
  rolbypassrls: boolean;
}

async function createOrRepairRole(client: pg.Client, role: string, password: string | undefined): Promise<void> {
  const r = quoteIdent(role);
  // ALTER ROLE and CREATE ROLE take no parameters; the password goes in as a quoted literal.
  const withPassword = password === undefined ? '' : ` PASSWORD ${client.escapeLiteral(password)}`;
  const found = await client.query<RoleRow>('SELECT * FROM pg_roles WHERE rolname = $1', [role]);
  const existing = found.rows[0];
  if (!existing) {
    try {
      await client.query(`CREATE ROLE ${r} WITH ${APP_ROLE_ATTRIBUTES.join(' ')}${withPassword}`);
    } catch (e) {
      if (code(e) !== DUPLICATE_OBJECT && code(e) !== UNIQUE_VIOLATION) throw e;
      return createOrRepairRole(client, role, password); // made meanwhile by another run: repair it instead
    }
  } else {
    // Only a superuser may even restate SUPERUSER, REPLICATION or BYPASSRLS, so a managed server's owner
    // (CREATEROLE, not superuser) can run this as long as the role is right already.
    const wrong = [
      !existing.rolcanlogin && 'LOGIN',
      existing.rolsuper && 'NOSUPERUSER',
      existing.rolcreatedb && 'NOCREATEDB',
      existing.rolcreaterole && 'NOCREATEROLE',
      existing.rolreplication && 'NOREPLICATION',
      existing.rolbypassrls && 'NOBYPASSRLS',
    ].filter(Boolean);
    if (wrong.length || withPassword) await client.query(`ALTER ROLE ${r} WITH ${wrong.join(' ')}${withPassword}`);
  }
  // CREATE SCHEMA … AUTHORIZATION and ALTER … OWNER TO need the owner to be able to become the role; a
  // superuser always can, a CREATEROLE owner grants itself the membership (never the other way round). From
  // PostgreSQL 16 a membership may lack SET (the creator of a role gets ADMIN only, unless the server's
  // createrole_self_grant says otherwise), so there the SET option is what is checked and granted.
  const { rows } = await client.query<{ su: boolean; can: boolean; v16: boolean }>(
    `SELECT rolsuper AS su, current_setting('server_version_num')::int >= 160000 AS v16,
            CASE WHEN current_setting('server_version_num')::int >= 160000 THEN pg_has_role(current_user, $1, 'SET')
                 ELSE pg_has_role(current_user, $1, 'MEMBER') END AS can
       FROM pg_roles WHERE rolname = current_user`,
    [role],
  );
  const me = rows[0]!;
  if (!me.su && !me.can) await client.query(`GRANT ${r} TO CURRENT_USER${me.v16 ? ' WITH SET TRUE' : ''}`);
}
