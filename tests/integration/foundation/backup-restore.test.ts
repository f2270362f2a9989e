// db:backup / db:restore (scripts/db/backup.ts): a seeded database is dumped and restored into a fresh one,
// which holds the same rows, gives the app's role its grants back and verifies; a side file whose counts
// disagree with the archive makes the restore fail; a non-empty target and a changed archive are refused.
// Needs pg_dump/pg_restore of the test server's major version (scripts/db/pg-tools.ts); where none is
// installed the file says so and skips, rather than failing on the machine instead of the code.
import { appendFile, copyFile, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db, pool } from '@/lib/server/db';
import { audit } from '@/lib/server/audit';
import { backupDatabase, BackupError, databaseOf, manifestPathOf, onDatabase, restoreDatabase, verifyRestoredAudit, type BackupManifest } from '../../../scripts/db/backup';
import { findPgTools, serverMajor } from '../../../scripts/db/pg-tools';
import { createDetailedDenial, createPayer, createPerson } from '../../support/denial-factory';
import { appRoleUrl, TEST_APP_ROLE } from '../../support/test-database';

const ownerUrl = inject('databaseUrl');
const major = await withClient(ownerUrl, serverMajor);
const tools = findPgTools(major);
if (!tools) console.warn(`backup-restore: skipped, no pg_dump/pg_restore ${major} on this machine (set PG_BIN_DIR to run it).`);

const restored: string[] = [];
let dir: string;
let archive: string;
let manifest: BackupManifest;
let denialId: string;
let appealId: string;

function onRestored<T>(name: string, fn: (c: pg.Client) => Promise<T>, url = onDatabase(ownerUrl, name)): Promise<T> {
  return withClient(url, fn);
}

/**
 * A new database name on the test server, dropped after the file. The label joins the test database's random
 * suffix, so the next run's sweep of databases left by killed runs (test-database.ts) recognises these too.
 */
function freshName(label: string): string {
  const name = `${databaseOf(ownerUrl)}${label}`.slice(0, 63);
  restored.push(name);
  return name;
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe.skipIf(!tools)('backup and restore', () => {
  beforeAll(async () => {
    await appRoleUrl({ url: ownerUrl, drop: async () => {} }); // the app role exists, as after db:migrate
    const actor = await createPerson('manager');
    const payer = await createPayer();
    denialId = await createDetailedDenial({ payerId: payer.id, deniedCents: 123_457 });
    ({ id: appealId } = await db.appeal.create({ data: { denialId, level: '1', method: 'portal', recoveredCents: 98_765n, notes: 'Restored intact' } }));
    await audit(actor, { action: 'backup.test', entityType: 'denial', entityId: denialId, details: { cents: 123_457 } });
    dir = await mkdtemp(path.join(os.tmpdir(), 'overturn-backup-'));
    ({ archive, manifest } = await backupDatabase(ownerUrl, path.join(dir, 'seeded.dump')));
  }, 120_000);

  afterAll(async () => {
    await db.$disconnect();
    await pool.end();
    await onRestored('postgres', async (c) => {
      for (const name of restored) await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`);
    });
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes the archive and its counts readable by the owner only, counting the seeded rows', async () => {
    expect((await stat(archive)).mode & 0o777).toBe(0o600);
    expect((await stat(manifestPathOf(archive))).mode & 0o777).toBe(0o600);
    expect(manifest.tables['public.denial']).toBeGreaterThanOrEqual(1);
    expect(manifest.tables['public.appeal']).toBeGreaterThanOrEqual(1);
    expect(manifest.audit.events).toBeGreaterThanOrEqual(1);
    expect(manifest.audit.maxId).not.toBeNull();
  });

  it('restores into a fresh database that verifies, with the same rows and the app role granted', async () => {
    const name = freshName('restored');
    const result = await restoreDatabase(archive, onDatabase(ownerUrl, name), { appRole: TEST_APP_ROLE });
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    await onRestored(name, async (c) => {
      const denial = await c.query('SELECT "deniedCents"::text AS cents FROM denial WHERE id = $1', [denialId]);
      expect(denial.rows).toEqual([{ cents: '123457' }]);
      const appeal = await c.query('SELECT level, method, "recoveredCents"::text AS cents, notes FROM appeal WHERE id = $1', [appealId]);
      expect(appeal.rows).toEqual([{ level: '1', method: 'portal', cents: '98765', notes: 'Restored intact' }]);
      const events = await c.query(`SELECT details->>'cents' AS cents FROM audit_event WHERE action = 'backup.test' AND "entityId" = $1`, [denialId]);
      expect(events.rows).toEqual([{ cents: '123457' }]);
      const lines = await c.query('SELECT count(*)::int AS n FROM service_line sl JOIN denial d ON d."claimId" = sl."claimId" WHERE d.id = $1', [denialId]);
      expect(lines.rows[0].n).toBe(1);
    });
    // The app's role reads the restored tables and still may not change the audit trail.
    const appUrl = new URL(await appRoleUrl({ url: ownerUrl, drop: async () => {} }));
    appUrl.pathname = `/${name}`;
    await onRestored(name, async (c) => {
      const { rows } = await c.query('SELECT count(*)::int AS n FROM denial WHERE id = $1', [denialId]);
      expect(rows[0].n).toBe(1);
      await expect(c.query('DELETE FROM audit_event')).rejects.toThrow(/permission denied/);
    }, appUrl.toString());
  });

  it('reports a restore whose counts differ from the backup as failed, naming the table', async () => {
    const tamperedDir = path.join(dir, 'tampered');
    await rm(tamperedDir, { recursive: true, force: true });
    await mkdir(tamperedDir);
    const copy = path.join(tamperedDir, 'seeded.dump');
    await copyFile(archive, copy);
    const side = JSON.parse(await readFile(manifestPathOf(archive), 'utf8')) as BackupManifest;
    const recorded = side.tables['public.denial']!;
    side.tables['public.denial'] = recorded + 1;
    side.audit.events += 1;
    await writeFile(manifestPathOf(copy), JSON.stringify(side));
    const result = await restoreDatabase(copy, onDatabase(ownerUrl, freshName('tampered')));
    expect(result.ok).toBe(false);
    expect(result.problems).toContain(`public.denial has ${recorded} rows, the backup recorded ${recorded + 1}`);
    expect(result.problems.some((p) => p.startsWith('audit_event has'))).toBe(true);
  });

  it('refuses a target that is not empty unless forced', async () => {
    const name = freshName('busy');
    await restoreDatabase(archive, onDatabase(ownerUrl, name));
    await expect(restoreDatabase(archive, onDatabase(ownerUrl, name))).rejects.toThrow(/is not empty/);
    const forced = await restoreDatabase(archive, onDatabase(ownerUrl, name), { force: true });
    expect(forced.ok).toBe(true);
  });

  it('checks the restored audit trail’s hash chain: an event changed by a superuser is named', async () => {
    const name = freshName('altered');
    expect((await restoreDatabase(archive, onDatabase(ownerUrl, name))).ok).toBe(true);
    await onRestored(name, async (c) => {
      const { rows } = await c.query<{ id: string }>(`SELECT id::text AS id FROM audit_event WHERE action = 'backup.test' AND "entityId" = $1`, [denialId]);
      const id = rows[0]!.id;
      // What only a superuser or the owner can do: switch the append-only trigger off and rewrite history.
      await c.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete');
      await c.query(`UPDATE audit_event SET details = '{"cents": 1}' WHERE id = $1`, [id]);
      await c.query('ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete');
      const verdict = await verifyRestoredAudit(c, manifest.audit);
      expect(verdict.ok).toBe(false);
      expect(verdict.problems.join('\n')).toContain(`the audit chain is broken at event ${id} `);
    });
  });

  it('refuses an archive changed since its backup', async () => {
    const cut = path.join(dir, 'changed.dump');
    await copyFile(archive, cut);
    await copyFile(manifestPathOf(archive), manifestPathOf(cut));
    await appendFile(cut, Buffer.from([0]));
    const error = await restoreDatabase(cut, onDatabase(ownerUrl, freshName('changed'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupError);
    expect((error as Error).message).toMatch(/does not match its side file/);
  });
});
