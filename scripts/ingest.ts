// npm run ingest -- [--dry-run] [--json] [--source NAME] [--as EMAIL] <file or folder>...
// Imports X12 835 remittances (and CSV exports with a mapping saved for --source) the way an upload does, for
// scheduled drops. Exit code 1 when any input failed (unreadable, not an 835, rejected CSV rows, no mapping);
// a file imported before is reported and skipped, not an error. --dry-run reads and classifies without writing
// and, for 835s, without a database (the code lists in prisma/data/codes stand in for the catalogue when
// DATABASE_URL is unset); --json prints one JSON document per input.
// Runs with `tsx --conditions=react-server` (lib/server modules import server-only).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { dryRun } from './ingest/dry-run';
import { type Options, USAGE, state } from './ingest/options';
import { importAll } from './ingest/run-imports';

const EXTENSIONS = new Set(['.835', '.edi', '.x12', '.era', '.txt', '.csv']);

function parseArgs(argv: string[]): Options {
  const options: Options = { dryRun: false, json: false, source: null, as: null, inputs: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--dry-run') options.dryRun = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--source' || arg === '--as') {
      const value = argv[++i];
      if (!value) throw new Error(`${arg} needs a value\n${USAGE}`);
      options[arg === '--source' ? 'source' : 'as'] = value;
    } else if (arg === '--help' || arg === '-h') throw new Error(USAGE);
    else if (arg.startsWith('--')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else options.inputs.push(arg);
  }
  if (options.inputs.length === 0) throw new Error(USAGE);
  return options;
}

/** Files as given; a folder contributes its remittance-looking files (not recursively), in name order. */
function expand(inputs: string[]): string[] {
  return inputs.flatMap((input) => {
    if (!existsSync(input)) return [input]; // reported as an error when read
    if (!statSync(input).isDirectory()) return [input];
    return readdirSync(input)
      .filter((name) => EXTENSIONS.has(path.extname(name).toLowerCase()))
      .sort()
      .map((name) => path.join(input, name))
      .filter((file) => statSync(file).isFile());
  });
}

/**
 * DATABASE_URL, else the embedded database `npm start` runs (used if it is up, started for the run if not), as
 * the app's role, like the app.
 */
async function database(): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) return async () => {};
  const { embeddedAppUrl, prepareDatabase } = await import('./db/prepare-database');
  const root = path.resolve(import.meta.dirname, '..');
  const pidFile = path.join(root, '.data/dev/postmaster.pid');
  const portFile = path.join(root, '.data/dev.port');
  if (existsSync(pidFile) && existsSync(portFile)) {
    process.env.DATABASE_URL = embeddedAppUrl(`postgresql://127.0.0.1:${readFileSync(portFile, 'utf8').trim()}/overturn`, 'dev');
    return async () => {};
  }
  // As `npm start` does before it serves: a cluster started here may never have been migrated.
  const embedded = await prepareDatabase('dev', 'overturn');
  process.env.DATABASE_URL = embedded.appUrl;
  return () => embedded.stop();
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const files = expand(options.inputs);
  if (files.length === 0) throw new Error(`No remittance files found in ${options.inputs.join(', ')}`);
  if (options.dryRun) {
    try {
      return (await dryRun(files, options)) ? 0 : 1;
    } finally {
      if (state.databaseUsed) await disconnect();
    }
  }
  const stop = await database();
  try {
    return (await importAll(files, options)) ? 0 : 1;
  } finally {
    await disconnect();
    await stop();
  }
}

async function disconnect(): Promise<void> {
  const { db, pool } = await import('@/lib/server/db');
  await db.$disconnect();
  await pool.end();
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 2;
}
