// npm run db:migrate — apply prisma/migrations to DATABASE_URL (or the embedded database when unset).
import { resolveDatabase } from './db/resolve-database';
import { applyMigrations } from './db/migrate';

const db = await resolveDatabase('dev', 'overturn');
try {
  const applied = await applyMigrations(db.url);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
} finally {
  await db.stop();
}
process.exit(0);
