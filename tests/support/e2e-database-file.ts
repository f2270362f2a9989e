// Where the e2e web server (scripts/e2e-server.ts) leaves the URLs of the database it created: the app role's,
// for the test workers, which write each test's own users and denials into the same database, and the owner's,
// kept for tools that need to inspect or drop it (the app role may not). One file per port: two runs
// on one port cannot exist at once, and a file left by a crashed run is overwritten before any test reads it.
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function e2ePort(): number {
  return Number(process.env.E2E_PORT ?? 3100);
}

export function e2eDatabaseFile(port: number | string = e2ePort()): string {
  return path.join(os.tmpdir(), `overturn-e2e-${port}.database-url`);
}

export interface E2eDatabaseUrls {
  app: string;
  owner: string;
}

/** One URL a line, app role first. */
export function writeE2eDatabaseUrls(port: number | string, urls: E2eDatabaseUrls): void {
  writeFileSync(e2eDatabaseFile(port), `${urls.app}\n${urls.owner}\n`, { mode: 0o600 });
}

/** Throws when the file is missing (the server has not created the database yet, or has dropped it). */
export function readE2eDatabaseUrls(port: number | string = e2ePort()): E2eDatabaseUrls {
  const [app = '', owner = ''] = readFileSync(e2eDatabaseFile(port), 'utf8').split('\n').map((line) => line.trim());
  return { app, owner };
}
