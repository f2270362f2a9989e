// npm run audit:verify -- [--since YYYY-MM-DD] [--roots] [--json]
// Checks the audit trail's hash chain (docs/decisions/0032-audit-chain.md): recomputes every event's hash and
// every link, chain by chain, in bounded memory. Exit 0 when intact; 1 naming the first broken link (id, at,
// chain, seq, what is wrong); 2 on bad usage. --roots prints each UTC day's root hash: keep those somewhere the
// database's superusers cannot write (a ticket, an email, a WORM bucket), and a later run proves each day unchanged,
// including that no chain lost its last events — which the chain alone cannot show. Connects as DATABASE_URL
// (the app's role may read the trail), else DATABASE_OWNER_URL, else the embedded database.
import pg from 'pg';
import { resolveDatabase } from './db/resolve-database';
import { verifyAuditChain } from '../lib/server/audit/verify-chain';

const USAGE = 'Usage: npm run audit:verify -- [--since YYYY-MM-DD] [--roots] [--json]';

function parseArgs(argv: string[]) {
  const options = { since: undefined as string | undefined, roots: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--since') options.since = argv[++i];
    else if (arg === '--roots') options.roots = true;
    else if (arg === '--json') options.json = true;
    else return null;
  }
  if (options.since !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.since)) return null;
  return options;
}

const options = parseArgs(process.argv.slice(2));
if (!options) {
  console.error(USAGE);
  process.exit(2);
}

const database = process.env.DATABASE_URL ? { url: process.env.DATABASE_URL, stop: async () => {} } : await resolveDatabase('dev', 'overturn');
const client = new pg.Client({ connectionString: database.url, application_name: 'overturn-audit-verify' });
await client.connect();
let exitCode = 0;
try {
  const started = performance.now();
  let lastReport = started;
  const result = await verifyAuditChain(client, {
    since: options.since,
    onProgress: (events) => {
      if (options.json || performance.now() - lastReport < 5000) return;
      lastReport = performance.now();
      console.error(`… ${events.toLocaleString('en-US')} events checked`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  if (options.json) console.log(JSON.stringify({ ...result, seconds }, null, 2));
  else {
    const scope = options.since ? ` since ${options.since}` : '';
    console.log(`${result.events.toLocaleString('en-US')} events in ${result.chains.toLocaleString('en-US')} chains over ${result.days.length} UTC day${result.days.length === 1 ? '' : 's'}${scope}, checked in ${seconds.toFixed(1)} s.`);
    if (options.roots) for (const d of result.days) console.log(`${d.day}  ${d.root}  (${d.chains} chains, ${d.events} events)`);
    if (result.ok) console.log('The audit chain is intact.');
    else {
      const b = result.firstBroken!;
      console.log(`BROKEN: ${result.broken} event(s) fail. First: event ${b.id} at ${b.at.toISOString()}, chain ${b.chain} seq ${b.seq}: ${b.reason} (${b.detail}).`);
    }
  }
  exitCode = result.ok ? 0 : 1;
} finally {
  await client.end();
  await database.stop();
}
process.exit(exitCode);
