// Playwright's web server: a fresh database with migrations and demo data, a production build, `next start`.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase } from '../tests/support/test-database';
import { needsBuild } from './needs-build';

const ROOT = path.resolve(import.meta.dirname, '..');
const port = process.env.PORT ?? '3100';
const database = await createTestDatabase('overturn_e2e');
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: database.url,
  AUTH_SECRET: process.env.AUTH_SECRET ?? 'e2e-tests-only-secret-value-0123456789',
  NEXTAUTH_URL: `http://localhost:${port}`,
  NEXT_TELEMETRY_DISABLED: '1',
};
const bin = (name: string) => path.join(ROOT, 'node_modules', '.bin', name);

function runOrExit(cmd: string, args: string[], extraEnv: Record<string, string> = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  if (r.status !== 0) {
    void database.drop().finally(() => process.exit(r.status ?? 1));
    throw new Error(`${cmd} ${args.join(' ')} failed`);
  }
}

runOrExit(bin('tsx'), ['--conditions=react-server', 'prisma/seed.ts']);
// Test-only denials with known claim references (the script refuses any non-e2e database).
runOrExit(bin('tsx'), ['--conditions=react-server', 'tests/support/e2e-fixtures.ts']);
if (needsBuild(ROOT)) runOrExit(bin('next'), ['build'], { NODE_ENV: 'production' });

const server = spawn(bin('next'), ['start', '-p', port], { cwd: ROOT, env, stdio: 'inherit' });
let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  server.kill('SIGTERM');
  await database.drop().catch((e) => console.error('[e2e-server] drop failed', e));
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
server.on('exit', () => void shutdown());
