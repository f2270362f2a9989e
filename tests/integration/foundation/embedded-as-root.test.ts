// As root, in a checkout other users cannot enter (`mktemp -d` makes it 0700, as /root is), the embedded
// database still starts: PostgreSQL runs as `postgres`, from a place that user can reach, and keeps its data
// between starts. Where it truly cannot, one sentence says why and what to do.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, lstatSync, mkdtempSync, readlinkSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const isRoot = process.getuid?.() === 0;
const cleanups: (() => void)[] = [];
afterAll(() => cleanups.reverse().forEach((fn) => fn()));

/** A checkout of what `npm run db:migrate` needs, node_modules hard-linked (seconds, not an install). */
function hiddenCheckout(): { dir: string; folder: string } {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'overturn-root-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  const dir = path.join(folder, 'overturn');
  // lib/server/audit/audit-partitions.ts: every migration run makes the audit trail's coming months' partitions.
  for (const entry of ['scripts', 'prisma/migrations', 'prisma/schema.prisma', 'package.json', 'tsconfig.json', 'lib/server/audit/audit-partitions.ts']) {
    cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  execFileSync('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules')]);
  return { dir, folder };
}

function migrate(dir: string, extraEnv: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extraEnv };
  delete env.DATABASE_URL; // the embedded database, as for a newcomer
  return spawnSync(path.join(dir, 'node_modules', '.bin', 'tsx'), ['scripts/db-migrate.ts'], { cwd: dir, env, encoding: 'utf8' });
}

describe('the embedded database, run as root from a folder other users cannot enter', () => {
  it('starts as `postgres`, applies the migrations and finds them again on the next start', { timeout: 240_000 }, (ctx) => {
    ctx.skip(!isRoot, 'runs only as root: as another user PostgreSQL runs as that user, who can reach its own folders');
    const { dir, folder } = hiddenCheckout();
    expect(statSync(folder).mode & 0o777).toBe(0o700);

    const first = migrate(dir);
    const dataDir = path.join(dir, '.data', 'dev');
    if (lstatSync(dataDir, { throwIfNoEntry: false })?.isSymbolicLink()) {
      cleanups.push(() => rmSync(path.dirname(readlinkSync(dataDir)), { recursive: true, force: true }));
    }
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toMatch(/^Applied: \d+_init/);
    // The data lives where `postgres` can reach it, linked from the checkout so the next start finds it.
    expect(lstatSync(dataDir).isSymbolicLink()).toBe(true);

    const second = migrate(dir);
    expect(second.status).toBe(0);
    expect(second.stdout.trim()).toBe('Database is up to date.');
  });

  it('says in one sentence what to do when no place it can reach is available', { timeout: 120_000 }, (ctx) => {
    ctx.skip(!isRoot, 'runs only as root: only root hands the database to another user');
    const { dir, folder } = hiddenCheckout();
    const result = migrate(dir, { OVERTURN_POSTGRES_HOME: path.join(folder, 'also-hidden') });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/`postgres` user.*set DATABASE_URL to a PostgreSQL server, or move the checkout to a folder other users can enter\.$/);
  });
});
