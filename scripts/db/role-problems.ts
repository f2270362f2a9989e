// Why a role could rewrite the audit trail despite the triggers of 20261125000100_audit_append_only: it is a
// superuser, it owns (or may act as the owner of) the tables and so may disable their triggers, it may create
// roles (before PostgreSQL 16 that includes joining the owner's), or it was granted SET on
// session_replication_role (PostgreSQL 15+), which turns triggers off for its session.
import pg from 'pg';

interface RoleFacts {
  superuser: boolean;
  createrole: boolean;
  owns: string[];
  replication_role: boolean;
}

const FACTS = (withParameterPrivilege: boolean) => `
  SELECT r.rolsuper AS superuser, r.rolcreaterole AS createrole,
         ARRAY(SELECT c.relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND pg_has_role(r.oid, c.relowner, 'MEMBER')
                ORDER BY 1) AS owns,
         ${withParameterPrivilege ? `has_parameter_privilege(r.oid, 'session_replication_role', 'SET')` : 'r.rolsuper'} AS replication_role
    FROM pg_roles r WHERE r.rolname = COALESCE($1, current_user)`;

/** What lets `role` (the connected user when null) bypass the append-only audit trail; empty when nothing. */
export async function roleProblems(client: pg.ClientBase, role: string | null): Promise<string[]> {
  const version = await client.query<{ n: number }>(`SELECT current_setting('server_version_num')::int AS n`);
  const { rows } = await client.query<RoleFacts>(FACTS(version.rows[0]!.n >= 150000), [role]);
  const facts = rows[0];
  if (!facts) throw new Error(`The role "${role}" does not exist.`);
  if (facts.superuser) return ['is a superuser'];
  const problems: string[] = [];
  if (facts.owns.length) problems.push(`owns (or may act as the owner of) ${facts.owns.slice(0, 3).join(', ')}${facts.owns.length > 3 ? ` and ${facts.owns.length - 3} more tables` : ''}`);
  if (facts.createrole) problems.push('may create roles');
  if (facts.replication_role) problems.push('may SET session_replication_role');
  return problems;
}

/** One line for the start when the app's own connection could rewrite the audit trail, else null. */
export async function privilegedAppWarning(appUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: appUrl });
  await client.connect();
  try {
    const problems = await roleProblems(client, null);
    if (!problems.length) return null;
    const who = (await client.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u;
    return `Warning: the app connects to PostgreSQL as "${who}", which ${problems.join(' and ')}, so it could rewrite the audit trail; give the app a least-privilege role (docs/deployment.md, "Database roles").`;
  } finally {
    await client.end();
  }
}
