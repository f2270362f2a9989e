// Where the e2e web server (scripts/e2e-server.ts) leaves the URL of the database it created, so the test
// workers can write each test's own users and denials into the same database. One file per port: two runs
// on one port cannot exist at once, and a file left by a crashed run is overwritten before any test reads it.
import os from 'node:os';
import path from 'node:path';

export function e2ePort(): number {
  return Number(process.env.E2E_PORT ?? 3100);
}

export function e2eDatabaseFile(port: number | string = e2ePort()): string {
  return path.join(os.tmpdir(), `overturn-e2e-${port}.database-url`);
}
