// db:backup and db:restore's work (docs/decisions/0033-backups.md). A backup is a pg_dump custom-format
// archive plus a side file (<archive>.json) recording the row count of every table, the audit trail's figures
// and the archive's SHA-256, all taken in the one snapshot pg_dump dumps: the counts are read in a REPEATABLE
// READ transaction whose snapshot is exported and handed to pg_dump --snapshot, so they describe exactly the
// rows in the archive even while the app keeps writing. A restore goes into a fresh database, renews the app
// role's grants as migrations do, and is only called good when those counts and the audit trail check out.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { verifyAuditChain } from '../../lib/server/audit/verify-chain';
import { regrantAppRole } from './app-role';
import { findPgTools, missingToolsMessage, serverMajor, type PgTools } from './pg-tools';

export class BackupError extends Error {}

export const MANIFEST_FORMAT = 'overturn-backup/1';

export interface AuditFigures {
  events: number;
  /** The highest audit_event id, as text (a BIGSERIAL may pass 2^53); null when there are none. */
  maxId: string | null;
}

export interface BackupManifest {
  format: typeof MANIFEST_FORMAT;
  database: string;
  serverVersion: string;
  takenAt: string;
  archiveBytes: number;
  archiveSha256: string;
  /** "schema.table" → rows, every ordinary table of every non-system schema (partitions counted as leaves). */
  tables: Record<string, number>;
  audit: AuditFigures;
}

export const manifestPathOf = (archive: string) => `${archive}.json`;

/** `url` naming database `name` on the same server, as the same role. */
export function onDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

export function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** `<database>-<UTC yyyymmddThhmmssZ>.dump`: sorts by time, and says what and when without opening it. */
export function archiveName(database: string, at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  return `${database}-${stamp}.dump`;
}

/**
 * Every ordinary table's row count in one statement. The table names come from the catalog and are quoted by
 * the server (format %I), never assembled here; query_to_xml runs each count inside this statement's snapshot.
 */
const TABLE_COUNTS = `
  SELECT n.nspname || '.' || c.relname AS name,
         (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM %I.%I', n.nspname, c.relname), false, true, '')))[1]::text::bigint AS rows
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
   WHERE c.relkind = 'r' AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
   ORDER BY 1`;

export async function tableCounts(client: pg.ClientBase): Promise<Record<string, number>> {
  const { rows } = await client.query<{ name: string; rows: string }>(TABLE_COUNTS);
  return Object.fromEntries(rows.map((r) => [r.name, Number(r.rows)]));
}

async function auditFigures(client: pg.ClientBase): Promise<AuditFigures> {
  const { rows } = await client.query<{ events: string; max_id: string | null }>('SELECT count(*) AS events, max(id)::text AS max_id FROM audit_event');
  return { events: Number(rows[0]!.events), maxId: rows[0]!.max_id };
}

/**
 * The restored audit trail against the backup's figures (its size and last id), then its own hash chain
 * (lib/server/audit/verify-chain.ts): every event's hash recomputed and linked to the one before, and every sealed
 * day's root — so a restore of an archive whose audit rows were altered after the dump, or cut short, fails here.
 */
export async function verifyRestoredAudit(client: pg.ClientBase, expected: AuditFigures): Promise<{ ok: boolean; problems: string[]; found: AuditFigures }> {
  const found = await auditFigures(client);
  const problems: string[] = [];
  if (found.events !== expected.events) problems.push(`audit_event has ${found.events} events, the backup recorded ${expected.events}`);
  if (found.maxId !== expected.maxId) problems.push(`audit_event's last id is ${found.maxId ?? 'none'}, the backup recorded ${expected.maxId ?? 'none'}`);
  const chain = await verifyAuditChain(client);
  if (!chain.ok && chain.firstBroken) {
    const b = chain.firstBroken;
    problems.push(`the audit chain is broken at event ${b.id} (${b.at.toISOString()}, chain ${b.chain}, #${b.seq}): ${b.reason} — ${b.detail}; ${chain.broken} broken in all`);
  }
  return { ok: problems.length === 0, problems, found };
}

async function sha256(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** libpq's connection for a child tool: the URL without its password (which `ps` would show), that in the env. */
function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

function run(binary: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(out) : reject(new BackupError(`${path.basename(binary)} failed (exit ${code}): ${err.trim() || out.trim()}`))));
  });
}

async function toolsFor(client: pg.ClientBase): Promise<PgTools> {
  const major = await serverMajor(client);
  const tools = findPgTools(major);
  if (!tools) throw new BackupError(missingToolsMessage(major));
  return tools;
}

export interface BackupResult {
  archive: string;
  manifest: BackupManifest;
  ms: number;
}

/** Backs up the database `ownerUrl` names into `out` (a file path) and its side file; both 0600. */
export async function backupDatabase(ownerUrl: string, out: string): Promise<BackupResult> {
  const started = performance.now();
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const tools = await toolsFor(client);
    await mkdir(path.dirname(out), { recursive: true, mode: 0o700 });
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const { rows } = await client.query<{ snapshot: string; db: string; version: string }>(
      'SELECT pg_export_snapshot() AS snapshot, current_database() AS db, current_setting($1) AS version',
      ['server_version'],
    );
    const { snapshot, db, version } = rows[0]!;
    const tables = await tableCounts(client);
    const audit = await auditFigures(client);
    const { dbname, env } = toolConnection(ownerUrl);
    // The umask makes pg_dump create the archive owner-only from its first byte; the chmod covers a file
    // that existed before (an --out given twice), whose mode pg_dump keeps.
    const umask = process.umask(0o077);
    try {
      await run(tools.pgDump, ['--format=custom', `--snapshot=${snapshot}`, '--no-password', `--file=${out}`, `--dbname=${dbname}`], env);
    } finally {
      process.umask(umask);
    }
    await client.query('COMMIT');
    await chmod(out, 0o600);
    const manifest: BackupManifest = {
      format: MANIFEST_FORMAT,
      database: db,
      serverVersion: version,
      takenAt: new Date().toISOString(),
      archiveBytes: (await stat(out)).size,
      archiveSha256: await sha256(out),
      tables,
      audit,
    };
    await writeFile(manifestPathOf(out), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    await chmod(manifestPathOf(out), 0o600);
    return { archive: out, manifest, ms: performance.now() - started };
  } finally {
    await client.end();
  }
}

export async function readManifest(archive: string): Promise<BackupManifest> {
  const text = await readFile(manifestPathOf(archive), 'utf8').catch(() => {
    throw new BackupError(`${manifestPathOf(archive)} is missing: a restore is verified against the counts db:backup wrote beside the archive.`);
  });
  const manifest = JSON.parse(text) as BackupManifest;
  if (manifest.format !== MANIFEST_FORMAT) throw new BackupError(`${manifestPathOf(archive)} is not an Overturn backup side file (${MANIFEST_FORMAT}).`);
  return manifest;
}

/** Relations in any non-system schema: a database with none is fresh. */
async function relationCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'`,
    );
    return rows[0]!.n;
  } finally {
    await client.end();
  }
}

/**
 * Makes the target database exist and be empty: created when missing; refused when it holds anything, unless
 * `force`, which drops and recreates it (the only way to be sure nothing of the old database is left mixed in).
 */
async function freshTarget(targetUrl: string, force: boolean): Promise<void> {
  const name = databaseOf(targetUrl);
  const admin = new pg.Client({ connectionString: onDatabase(targetUrl, 'postgres') });
  await admin.connect();
  try {
    const exists = Boolean((await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name])).rowCount);
    if (exists) {
      const relations = await relationCount(targetUrl);
      if (relations === 0) return;
      if (!force) throw new BackupError(`The database "${name}" is not empty (${relations} tables, views or sequences): restore into a new database (--into <name>), or add --force to drop and recreate it.`);
      await admin.query(`DROP DATABASE ${admin.escapeIdentifier(name)} WITH (FORCE)`);
    }
    await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(name)}`);
  } finally {
    await admin.end();
  }
}

/** The restore's table of contents less COMMENT ON EXTENSION, which only a superuser may run on a managed server. */
function withoutExtensionComments(toc: string): string {
  return toc
    .split('\n')
    .filter((line) => !/^\d+;.*\bCOMMENT - EXTENSION\b/.test(line))
    .join('\n');
}

/** The restored database against the backup's side file: every table's count, then the audit trail. */
export async function verifyRestore(client: pg.ClientBase, manifest: BackupManifest): Promise<string[]> {
  const found = await tableCounts(client);
  const problems: string[] = [];
  for (const [table, rows] of Object.entries(manifest.tables)) {
    if (!(table in found)) problems.push(`${table} is missing`);
    else if (found[table] !== rows) problems.push(`${table} has ${found[table]} rows, the backup recorded ${rows}`);
  }
  for (const table of Object.keys(found)) if (!(table in manifest.tables)) problems.push(`${table} is not in the backup's counts`);
  problems.push(...(await verifyRestoredAudit(client, manifest.audit)).problems);
  return problems;
}

export interface RestoreOptions {
  /** Drop and recreate a target that is not empty. */
  force?: boolean;
  /** The app's role, whose grants are renewed after the restore as after migrations (when it exists). */
  appRole?: string;
}

export interface RestoreResult {
  ok: boolean;
  problems: string[];
  manifest: BackupManifest;
  ms: number;
}

/** Restores `archive` into the database `targetUrl` names (as its owner), then verifies it. */
export async function restoreDatabase(archive: string, targetUrl: string, options: RestoreOptions = {}): Promise<RestoreResult> {
  const started = performance.now();
  const manifest = await readManifest(archive);
  const digest = await sha256(archive);
  if (digest !== manifest.archiveSha256) throw new BackupError(`${archive} does not match its side file (SHA-256 ${digest}, recorded ${manifest.archiveSha256}): the archive was changed or cut short.`);
  await freshTarget(targetUrl, options.force ?? false);
  const client = new pg.Client({ connectionString: targetUrl });
  await client.connect();
  try {
    const tools = await toolsFor(client);
    const { dbname, env } = toolConnection(targetUrl);
    const list = `${archive}.${process.pid}.list`;
    await writeFile(list, withoutExtensionComments(await run(tools.pgRestore, ['--list', archive], env)), { mode: 0o600 });
    try {
      // Objects owned by whoever restores (the owner here may be another role than at backup time), no
      // grants from the old server: the app role's grants are made below, the way migrations make them.
      await run(tools.pgRestore, ['--no-owner', '--no-acl', '--exit-on-error', '--single-transaction', '--no-password', `--use-list=${list}`, `--dbname=${dbname}`, archive], env);
    } finally {
      await rm(list, { force: true });
    }
    if (options.appRole) await regrantAppRole(targetUrl, options.appRole);
    const problems = await verifyRestore(client, manifest);
    return { ok: problems.length === 0, problems, manifest, ms: performance.now() - started };
  } finally {
    await client.end();
  }
}
