// npm run db:migration:create -- <name>
// Writes prisma/migrations/<timestamp>_<name>/migration.sql from the change between the migrations already
// written and prisma/schema.prisma — what `prisma migrate dev --create-only` does, without the native engine.
// The "before" state is the existing migrations replayed by the engine into an empty scratch database.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { schemaChangeSinceMigrations } from './db/migrate';
import { resolveDatabase } from './db/resolve-database';
import { MIGRATIONS_DIR } from './db/schema-engine';

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]+/gi, '_').toLowerCase();
if (!name) {
  console.error('usage: npm run db:migration:create -- <name>');
  process.exit(2);
}

const server = await resolveDatabase('dev', 'postgres');
const shadowName = `overturn_shadow_${process.pid}`;
const admin = new pg.Client({ connectionString: server.url });
await admin.connect();
await admin.query(`CREATE DATABASE ${shadowName}`);
const shadowUrl = server.url.replace(/\/[^/?]+(\?|$)/, `/${shadowName}$1`);
try {
  const sql = await schemaChangeSinceMigrations(shadowUrl);
  if (!sql) {
    console.log('No schema change: nothing to write.');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'migration.sql'), sql);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql — review it, then npm run db:migrate`);
  }
} finally {
  await admin.query(`DROP DATABASE IF EXISTS ${shadowName} WITH (FORCE)`);
  await admin.end();
  await server.stop();
}
process.exit(0);
