// Applies prisma/migrations exactly like `prisma migrate deploy` (same _prisma_migrations bookkeeping),
// without the native engine download.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { MIGRATIONS_DIR, NO_FILTERS, SCHEMA_PATH, withSchemaEngine } from './schema-engine';

export async function readMigrationsList() {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  const migrationDirectories = await Promise.all(
    dirs.map(async (dir) => ({
      path: dir,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok' as const, value: await readFile(path.join(MIGRATIONS_DIR, dir, 'migration.sql'), 'utf8') },
      },
    })),
  );
  const lockContent = await readFile(path.join(MIGRATIONS_DIR, 'migration_lock.toml'), 'utf8').catch(() => null);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: 'migration_lock.toml', content: lockContent },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

/** Applies pending migrations; returns the names applied (empty when the database is up to date). */
export async function applyMigrations(connectionString: string): Promise<string[]> {
  const migrationsList = await readMigrationsList();
  return withSchemaEngine(connectionString, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return out.appliedMigrationNames;
  });
}

/**
 * The SQL that would bring a database built from prisma/migrations up to prisma/schema.prisma, or '' when they
 * agree. The engine replays the migrations into `scratchUrl`, an empty database it may use and leave dirty.
 */
export async function schemaChangeSinceMigrations(scratchUrl: string): Promise<string> {
  const sql = await withSchemaEngine(scratchUrl, async (engine, schemaText) => {
    const out = await engine.diff({
      from: { tag: 'migrations', ...(await readMigrationsList()) },
      to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_PATH, content: schemaText }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return (out.stdout ?? '').trim();
  });
  return /^-- This is an empty migration/.test(sql) ? '' : sql;
}
