// What the app's database role may do (docs/decisions/0013-two-database-roles.md). Granted again, whole, after
// every migration run instead of through default privileges: the result does not depend on which role ran the
// migrations (the owner, a superuser, a DBA by hand), and a revoke here takes effect on the next run.
// docs/deployment.md prints these statements for a DBA; tests/unit/scripts/app-grants.test.ts keeps it in step.
import type pg from 'pg';
import { roleProblems } from './role-problems';

/** The audit trail: the app reads it and appends to it, never changes or removes a row. */
export const APPEND_ONLY_TABLE = 'audit_event';
/** pg-boss's own schema (lib/server/scoring/jobs.ts): owned by the app's role, which creates a table per queue. */
export const JOBS_SCHEMA = 'pgboss';

/** An identifier quoted as PostgreSQL's quote_ident would (always quoted: DDL takes no parameters). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Idempotent, in this order: everything earlier grants of this list gave is taken back first, so the role ends
 * with exactly these privileges. TRUNCATE, REFERENCES and TRIGGER are never granted; `_prisma_migrations` is the
 * owner's bookkeeping: the app reads only which migrations finished (GET /api/ready answers 503 until every
 * migration it was built with is applied, lib/server/readiness.ts), never their checksums or logs.
 */
export function appGrantStatements(role: string, database: string): string[] {
  const r = quoteIdent(role);
  return [
    `GRANT CONNECT ON DATABASE ${quoteIdent(database)} TO ${r}`,
    `GRANT USAGE ON SCHEMA public TO ${r}`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`,
    `REVOKE UPDATE, DELETE ON ${APPEND_ONLY_TABLE} FROM ${r}`,
    `REVOKE ALL ON _prisma_migrations FROM ${r}`,
    `GRANT SELECT (migration_name, finished_at, rolled_back_at) ON _prisma_migrations TO ${r}`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`,
    `CREATE SCHEMA IF NOT EXISTS ${JOBS_SCHEMA} AUTHORIZATION ${r}`,
  ];
}

/**
 * pg-boss objects made before the app had its own role (the app ran as the owner or a superuser) are handed to
 * it, so its jobs keep their history. Written by the server (format %I), never assembled here.
 */
const HAND_OVER_JOBS_SCHEMA = `
  WITH target AS (SELECT $1::text AS schema, $2::text AS role, to_regrole($2) AS oid)
  SELECT format('ALTER SCHEMA %I OWNER TO %I', n.nspname, t.role)
    FROM pg_namespace n, target t WHERE n.nspname = t.schema AND n.nspowner <> t.oid
  UNION ALL
  SELECT format('ALTER %s %I.%I OWNER TO %I', CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
           WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, n.nspname, c.relname, t.role)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, target t
   WHERE n.nspname = t.schema AND c.relkind IN ('r', 'p', 'S', 'v', 'm') AND c.relowner <> t.oid
     -- a serial or identity column's sequence follows its table
     AND (c.relkind <> 'S' OR NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
  UNION ALL
  SELECT format('ALTER ROUTINE %s OWNER TO %I', p.oid::regprocedure, t.role)
    FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace, target t
   WHERE n.nspname = t.schema AND p.proowner <> t.oid
  UNION ALL
  SELECT format('ALTER TYPE %I.%I OWNER TO %I', n.nspname, t2.typname, t.role)
    FROM pg_type t2 JOIN pg_namespace n ON n.oid = t2.typnamespace, target t
   WHERE n.nspname = t.schema AND t2.typtype IN ('e', 'd') AND t2.typowner <> t.oid`;

/** Grants `role` exactly what the app needs in the database `client` is connected to, in one transaction. */
export async function grantAppRole(client: pg.ClientBase, role: string): Promise<void> {
  const problems = await roleProblems(client, role);
  if (problems.length) throw new Error(`The app's role "${role}" ${problems.join('; ')}: grants cannot limit it.`);
  const { rows } = await client.query<{ db: string }>('SELECT current_database() AS db');
  await client.query('BEGIN');
  try {
    for (const statement of appGrantStatements(role, rows[0]!.db)) await client.query(statement);
    const handOver = await client.query<{ format: string }>(HAND_OVER_JOBS_SCHEMA, [JOBS_SCHEMA, role]);
    for (const { format } of handOver.rows) await client.query(format);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
