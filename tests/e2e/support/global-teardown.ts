// Drops the e2e web server's database after the run. The server tries too, on SIGTERM, but it is not always
// given the time (it was found killed mid-drop), and a database left behind per run fills the shared server.
import { rmSync } from 'node:fs';
import pg from 'pg';
import { e2eDatabaseFile, readE2eDatabaseUrls } from '../../support/e2e-database-file';

export default async function globalTeardown(): Promise<void> {
  const file = e2eDatabaseFile();
  let url: URL;
  try {
    url = new URL(readE2eDatabaseUrls().owner); // the app role may not drop it
  } catch {
    return; // the server already cleaned up, or never got as far as creating it
  }
  const name = url.pathname.slice(1);
  if (!/^overturn_e2e_\w+$/.test(name)) return;
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  try {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } catch (error) {
    console.error(`[e2e teardown] could not drop ${name}`, error);
  } finally {
    await admin.end().catch(() => {});
    rmSync(file, { force: true });
  }
}
