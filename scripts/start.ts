// npm start: the whole app on one machine. Uses DATABASE_URL when set, otherwise an embedded PostgreSQL
// under .data/; applies migrations and loads demo data into an empty database while it builds (when sources
// changed), then serves on PORT (default 3000). `--dev` runs the Next dev server instead of a production build.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { localSecret } from './db/local-secret';
import { prepareDatabase } from './db/prepare-database';
import { privilegedAppWarning } from './db/role-problems';
import { needsBuild } from './needs-build';

const ROOT = path.resolve(import.meta.dirname, '..');
const dev = process.argv.includes('--dev');
const port = process.env.PORT ?? '3000';

const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  AUTH_SECRET: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET ?? localSecret(path.join(ROOT, '.data', 'auth-secret')),
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

// Migrations as the owner; the app, its seed and its jobs as the app's role (scripts/db/prepare-database.ts).
const db = await prepareDatabase('dev', 'overturn');
console.log(`Database: ${db.embedded ? `embedded PostgreSQL (${db.appUrl.replace(/:[^:@/]+@/, ':***@')})` : 'DATABASE_URL'}`);
if (db.applied.length) console.log(`Applied migrations: ${db.applied.join(', ')}`);
const privileged = await privilegedAppWarning(db.appUrl);
if (privileged) console.warn(privileged);
const env: NodeJS.ProcessEnv = { ...baseEnv, DATABASE_URL: db.appUrl };
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
