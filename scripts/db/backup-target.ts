// Which database db:backup and db:restore work on, as its owner (docs/decisions/0013-two-database-roles.md):
// DATABASE_OWNER_URL, else DATABASE_URL; without either, the embedded database under .data/ — the server
// `npm start` is running when it runs (a backup must not need the app stopped), else started for the command.
import { BackupError } from './backup';
import { runningEmbeddedUrl } from './embedded';
import { EMBEDDED_APP_ROLE } from './prepare-database';
import { resolveDatabase } from './resolve-database';

export const EMBEDDED_CLUSTER = 'dev';
export const EMBEDDED_DATABASE = 'overturn';

export interface BackupTarget {
  ownerUrl: string;
  /** The app's role, whose grants a restore renews (undefined when the app connects as the owner). */
  appRole: string | undefined;
  stop(): Promise<void>;
}

export async function backupTarget(): Promise<BackupTarget> {
  const given = process.env.DATABASE_URL;
  if (given || process.env.DATABASE_OWNER_URL) {
    const ownerUrl = (process.env.DATABASE_OWNER_URL || given)!;
    const role = given ? decodeURIComponent(new URL(given).username) : undefined;
    const owner = decodeURIComponent(new URL(ownerUrl).username);
    return { ownerUrl, appRole: role && role !== owner ? role : undefined, stop: async () => {} };
  }
  const running = await runningEmbeddedUrl(EMBEDDED_CLUSTER, EMBEDDED_DATABASE);
  if (running) return { ownerUrl: running, appRole: EMBEDDED_APP_ROLE, stop: async () => {} };
  const started = await resolveDatabase(EMBEDDED_CLUSTER, EMBEDDED_DATABASE);
  return { ownerUrl: started.url, appRole: EMBEDDED_APP_ROLE, stop: started.stop };
}

/** The URL without its password, for printing. */
export function redacted(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** A command's body on the target, its BackupError printed as one line (exit 1), the target stopped after. */
export async function onBackupTarget(body: (target: BackupTarget) => Promise<void>): Promise<void> {
  const target = await backupTarget();
  try {
    await body(target);
  } catch (e) {
    if (!(e instanceof BackupError)) throw e;
    console.error(`✖ ${e.message}`);
    process.exitCode = 1;
  } finally {
    await target.stop();
  }
}
