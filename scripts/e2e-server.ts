// Playwright's web server: a fresh database with migrations, the code catalogue and the demo people (no demo
// denials: each test makes its own data), a production build, `next start`. The seed, the server and the test
// workers connect as the app's least-privilege role (scripts/db/app-role.ts), as a real installation does, so
// the whole suite runs under its grants. Its URLs are left in e2eDatabaseFile(port): the app role's for the test
// workers, which write each test's users and denials into it, the owner's for the teardown.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { e2eDatabaseFile, writeE2eDatabaseUrls } from '../tests/support/e2e-database-file';
import { appRoleUrl, createTestDatabase } from '../tests/support/test-database';
import { needsBuild } from './needs-build';

const ROOT = path.resolve(import.meta.dirname, '..');
const port = process.env.PORT ?? '3100';
const urlFile = e2eDatabaseFile(port);
const database = await createTestDatabase('overturn_e2e');
const appUrl = await appRoleUrl(database).catch(async (error: unknown) => {
  await database.drop();
  throw error;
});
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: appUrl,
  AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-tests-only-secret-value-0123456789',
  NEXTAUTH_URL: `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: '1',
};
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

const children = new Set<ReturnType<typeof spawn>>();

async function failed(what: string, error?: unknown): Promise<never> {
  console.error(`[e2e-server] ${what} failed`, error ?? '');
  for (const child of children) child.kill('SIGTERM');
  await database.drop().catch(() => {});
  process.exit(1);
}

function run(cmd: string, args: string[], extraEnv: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...env, ...extraEnv }, stdio: 'inherit' });
    children.add(child);
    child.on('error', reject);
    child.on('exit', (code) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`));
    });
  });
}

// The build takes most of the start; the seed runs meanwhile in this process (lib/server/db reads
// DATABASE_URL when first imported, hence the late import).
// Settles to its error (or null), so a failing build is reported below, not as an unhandled rejection.
const build = (needsBuild(ROOT) ? run(bin('next'), ['build'], { NODE_ENV: 'production' }) : Promise.resolve()).then(
  () => null,
  (error: unknown) => error,
);
process.env.DATABASE_URL = appUrl;
try {
  const { seedE2eDatabase } = await import('../tests/support/e2e-seed');
  await seedE2eDatabase();
} catch (error) {
  await failed('seeding the e2e database', error);
}
const buildError = await build;
if (buildError) await failed('next build', buildError);
writeE2eDatabaseUrls(port, { app: appUrl, owner: database.url });

const server = spawn(bin('next'), ['start', '-p', port], { cwd: ROOT, env, stdio: 'inherit' });
let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  // The server first: dropping the database (WITH FORCE) under its open connections makes it log their errors.
  if (server.exitCode === null && server.signalCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  rmSync(urlFile, { force: true });
  await database.drop().catch((e) => console.error('[e2e-server] drop failed', e));
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
server.on('exit', () => void shutdown());
