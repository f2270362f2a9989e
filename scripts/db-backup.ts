// npm run db:backup [-- --out <file>] — a pg_dump custom-format archive of the app's database, with a side
// file of the row counts db:restore verifies against (scripts/db/backup.ts, docs/deployment.md "Backups and
// restore"). Default file: .data/backups/<database>-<UTC time>.dump, readable by its owner only.
import path from 'node:path';
import { archiveName, backupDatabase, databaseOf, manifestPathOf } from './db/backup';
import { onBackupTarget, redacted } from './db/backup-target';

const ROOT = path.resolve(import.meta.dirname, '..');
const flag = process.argv.indexOf('--out');
const outArg = flag >= 0 ? process.argv[flag + 1] : undefined;
if (flag >= 0 && (!outArg || outArg.startsWith('-'))) {
  console.error('Usage: npm run db:backup [-- --out <file>]');
  process.exit(2);
}

await onBackupTarget(async (target) => {
  const out = path.resolve(outArg ?? path.join(ROOT, '.data', 'backups', archiveName(databaseOf(target.ownerUrl), new Date())));
  console.log(`Backing up ${redacted(target.ownerUrl)}…`);
  const { archive, manifest, ms } = await backupDatabase(target.ownerUrl, out);
  const rows = Object.values(manifest.tables).reduce((a, b) => a + b, 0);
  console.log(`Archive: ${archive} (${(manifest.archiveBytes / 1024 / 1024).toFixed(2)} MiB, ${(ms / 1000).toFixed(1)} s, PostgreSQL ${manifest.serverVersion})`);
  console.log(`Counts:  ${manifestPathOf(archive)} — ${rows} rows in ${Object.keys(manifest.tables).length} tables, ${manifest.audit.events} audit events`);
  for (const [table, n] of Object.entries(manifest.tables)) if (n > 0) console.log(`  ${table.padEnd(48)} ${n}`);
});
