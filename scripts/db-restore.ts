// npm run db:restore -- <file> [--into <url or database name>] [--force] — restores a db:backup archive into a
// fresh database (default: a new one named <database>_restored_<UTC time> on the same server), renews the app
// role's grants and verifies every table's row count and the audit trail against the backup's side file.
// Exits 1 when the restore does not verify; the database is left for inspection, and nothing points at it.
import { onDatabase, readManifest, restoreDatabase } from './db/backup';
import { onBackupTarget, redacted } from './db/backup-target';

const args = process.argv.slice(2);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const archive = args.find((a, i) => !a.startsWith('-') && args[i - 1] !== '--into');
const into = value('--into');
if (!archive || (args.includes('--into') && (!into || into.startsWith('-')))) {
  console.error('Usage: npm run db:restore -- <file> [--into <postgresql:// URL or database name>] [--force]');
  process.exit(2);
}

await onBackupTarget(async (target) => {
  const manifest = await readManifest(archive);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, '').toLowerCase();
  const targetUrl = into?.includes('://') ? into : onDatabase(target.ownerUrl, into ?? `${manifest.database}_restored_${stamp}`);
  console.log(`Restoring ${archive} (taken ${manifest.takenAt}) into ${redacted(targetUrl)}…`);
  const result = await restoreDatabase(archive, targetUrl, { force: args.includes('--force'), appRole: target.appRole });
  const tables = Object.keys(manifest.tables).length;
  if (result.ok) {
    console.log(`✔ Restored and verified in ${(result.ms / 1000).toFixed(1)} s: ${tables} tables' row counts and ${manifest.audit.events} audit events match the backup.`);
    console.log(`Point the app at it (DATABASE_URL / DATABASE_OWNER_URL), then run npm run db:migrate.`);
  } else {
    console.error(`✖ The restore does not match the backup (${result.problems.length} problems):`);
    for (const p of result.problems) console.error(`  - ${p}`);
    process.exitCode = 1;
  }
});
