// npm run db:rebuild-rollup — rebuild the dashboard's rollups from denial and claim (decision 0031), keyed by the
// days of this process's time zone (run it with the app's TZ). For a doubt about the maintained sums, or after the
// server's zone changed: until then the dashboard counts from denial, and says so in its log. Writers wait while
// it runs (seconds to minutes: bench figures in docs/performance.md); the dashboard goes on reading.
import pg from 'pg';
import { prepareDatabase } from './db/prepare-database';

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const db = await prepareDatabase('dev', 'overturn');
const client = new pg.Client({ connectionString: db.ownerUrl });
try {
  await client.connect();
  const started = Date.now();
  await client.query('SELECT rebuild_dashboard_rollup($1)', [zone]);
  const { rows } = await client.query<{ denial: string; claim: string }>(
    'SELECT (SELECT count(*) FROM dashboard_rollup) AS denial, (SELECT count(*) FROM claim_rollup) AS claim',
  );
  console.log(`Rebuilt the dashboard rollups in ${zone}: ${rows[0]!.denial} denial rows, ${rows[0]!.claim} claim rows, ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} finally {
  await client.end();
  await db.stop();
}
process.exit(0);
