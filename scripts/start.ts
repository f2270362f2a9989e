// npm start: the whole app on one machine. Uses DATABASE_URL when set, otherwise an embedded PostgreSQL
// under .data/; applies migrations and loads demo data into an empty database while it builds (when sources
// changed), then serves on PORT (default 3000). `--dev` runs the Next dev server instead of a production build.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { applyMigrations } from './db/migrate';
import { resolveDatabase } from './db/resolve-database';
import { needsBuild } from './needs-build';

const ROOT = path.resolve(import.meta.dirname, '..');
const dev = process.argv.includes('--dev');
const port = process.env.PORT ?? '3000';

function localAuthSecret(): string {
  const file = path.join(ROOT, '.data', 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  AUTH_SECRET: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET ?? localAuthSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: '1',
};
const tsx = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const next = path.join(ROOT, 'node_modules', '.bin', 'next');

function run(cmd: string, args: string[], runEnv: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: runEnv, stdio: 'inherit' });
    const orphaned = () => child.kill('SIGTERM'); // this script stopped first (an error, Ctrl-C)
    process.once('exit', orphaned);
    child.once('error', () => resolve(1)).once('exit', (code) => {
      process.off('exit', orphaned);
      resolve(code ?? 1);
    });
  });
}

// The first start's long pole is the production build. It reads no data (every page renders on request), so
// it runs while the database starts, is migrated and gets its demo data; its DATABASE_URL only has to pass
// lib/env.ts's validation.
const building = !dev && needsBuild(ROOT);
if (building) console.log('Building the app (first start or changed sources) while the database gets ready…');
const built = building
  ? run(next, ['build'], { ...baseEnv, DATABASE_URL: process.env.DATABASE_URL ?? 'postgresql://127.0.0.1/not-read-by-the-build', NODE_ENV: 'production' })
  : Promise.resolve(0);

const db = await resolveDatabase('dev', 'overturn');
console.log(`Database: ${process.env.DATABASE_URL ? 'DATABASE_URL' : `embedded PostgreSQL (${db.url.replace(/:[^:@/]+@/, ':***@')})`}`);
const applied = await applyMigrations(db.url);
if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);
const env: NodeJS.ProcessEnv = { ...baseEnv, DATABASE_URL: db.url };
const seeded = await run(tsx, ['--conditions=react-server', 'prisma/seed.ts', '--if-empty'], env);
const buildStatus = await built;
if (seeded !== 0 || buildStatus !== 0) {
  await db.stop();
  process.exit(seeded || buildStatus);
}

const server = spawn(next, [dev ? 'dev' : 'start', '-p', port], { cwd: ROOT, env, stdio: 'inherit' });
console.log(`Overturn: http://localhost:${port} — demo sign-in: specialist@overturn.test / overturn-demo`);

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  // The app first, so its background jobs do not see the database vanish under them.
  if (server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  await db.stop().catch(() => {});
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
server.on('exit', (code) => void shutdown(code ?? 0));
