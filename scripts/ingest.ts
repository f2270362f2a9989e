// npm run ingest -- [--dry-run] [--json] [--source NAME] [--as EMAIL] <file or folder>...
// Imports X12 835 remittances (and CSV exports with a mapping saved for --source) the way an upload does, for
// scheduled drops. Exit code 1 when any input failed (unreadable, not an 835, rejected CSV rows, no mapping);
// a file imported before is reported and skipped, not an error. --dry-run reads and classifies without writing
// and, for 835s, without a database (the code lists in prisma/data/codes stand in for the catalogue when
// DATABASE_URL is unset); --json prints one JSON document per input.
// Runs with `tsx --conditions=react-server` (lib/server modules import server-only).
import { createReadStream, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import type { CodeMapping } from '@/lib/domain/code-mapping';
import type { AuditActor } from '@/lib/server/audit';
import { codeMappingFromFiles } from '@/lib/server/codes/code-mapping-files';
import { describe835 } from '@/lib/server/remits/describe-835';

const EXTENSIONS = new Set(['.835', '.edi', '.x12', '.era', '.txt', '.csv']);
const USAGE = 'usage: npm run ingest -- [--dry-run] [--json] [--source NAME] [--as EMAIL] <file or folder>...';

interface Options {
  dryRun: boolean;
  json: boolean;
  source: string | null;
  as: string | null;
  inputs: string[];
}

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

const isCsv = (file: string) => path.extname(file).toLowerCase() === '.csv';
const out = (text: string) => new Promise<void>((resolve) => (process.stdout.write(text) ? resolve() : process.stdout.once('drain', resolve)));

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The catalogue when a database is configured and reachable, else the seed files (the same classification). */
async function dryRunMapping(): Promise<{ mapping: CodeMapping; from: string }> {
  if (process.env.DATABASE_URL) {
    try {
      const { default: pg } = await import('pg');
      const { loadCodeMapping } = await import('@/lib/server/codes/load-code-mapping');
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL, connectionTimeoutMillis: 3000 });
      await client.connect();
      try {
        const mapping = await loadCodeMapping(client);
        if (mapping.carc.size > 0) return { mapping, from: 'database' };
      } finally {
        await client.end();
      }
    } catch {
      // No database after all: the files classify the same way a freshly seeded catalogue does.
    }
  }
  return { mapping: codeMappingFromFiles(), from: 'prisma/data/codes' };
}

async function dryRun(files: string[], options: Options): Promise<boolean> {
  const { mapping, from } = await dryRunMapping();
  let ok = true;
  for (const file of files) {
    if (isCsv(file)) {
      ok = (await dryRunCsv(file, options, mapping)) && ok;
      continue;
    }
    if (!existsSync(file)) {
      ok = false;
      report(options, { file, ok: false, errors: [{ code: 'io', message: `${file}: no such file`, segmentIndex: null, segmentId: null, element: null }] });
      continue;
    }
    const header = { file, sizeBytes: statSync(file).size, sha256: await sha256Of(file), classification: from };
    const write = options.json ? out : () => undefined;
    const outcome = await describe835(createReadStream(file, { highWaterMark: 1 << 20 }), mapping, header, write);
    if (!options.json) {
      const where = outcome.error ? `error: ${outcome.error.message}` : 'ok';
      console.log(`${file}: ${outcome.claims} claims read, ${outcome.warnings.length} warnings, ${where} (dry run, nothing written)`);
    }
    ok = outcome.ok && ok;
  }
  return ok;
}

async function dryRunCsv(file: string, options: Options, mapping: CodeMapping): Promise<boolean> {
  const { readCsv, checkRow } = await import('@/lib/server/remits/read-csv');
  const { csvRowToClaim } = await import('@/lib/server/remits/csv-claim');
  const { describeClaim } = await import('@/lib/server/remits/describe-835');
  const saved = await savedMapping(options.source);
  if (!saved.ok) {
    report(options, { file, ok: false, errors: [{ code: 'mapping', message: saved.message, segmentIndex: null, segmentId: null, element: null }] });
    return false;
  }
  const table = readCsv(new Uint8Array(readFileSync(file)));
  const claims = [];
  const errors = [];
  for (const { line, cells } of table.rows) {
    const checked = checkRow(cells, table.headers, saved.mapping);
    if (checked.ok) claims.push(describeClaim(csvRowToClaim(checked.row, line), '', mapping));
    else errors.push({ code: 'row', message: `line ${line}: ${checked.reason}`, segmentIndex: null, segmentId: null, element: null, line });
  }
  report(options, { file, format: 'csv', source: options.source, ok: errors.length === 0, claims, transactions: [], warnings: [], errors });
  return errors.length === 0;
}

let databaseUsed = false;

async function savedMapping(source: string | null) {
  if (!source) return { ok: false as const, message: 'A CSV needs --source NAME: the source whose saved column mapping to use.' };
  if (!process.env.DATABASE_URL) return { ok: false as const, message: 'A CSV needs the saved mapping from the database: set DATABASE_URL.' };
  const { savedCsvMapping } = await import('@/lib/server/remits/preview-csv');
  databaseUsed = true;
  const mapping = await savedCsvMapping(source);
  if (!mapping) return { ok: false as const, message: `No column mapping is saved for source "${source}": map the columns once in the upload page.` };
  return { ok: true as const, mapping };
}

function report(options: Options, doc: Record<string, unknown> & { file: string; ok: boolean }): void {
  if (options.json) console.log(JSON.stringify(doc));
  else {
    const errors = (doc.errors as { message: string }[] | undefined) ?? [];
    console.log(`${doc.file}: ${doc.ok ? 'ok' : 'failed'}${errors.length ? `\n  ${errors.map((e) => e.message).join('\n  ')}` : ''}`);
  }
}

async function importAll(files: string[], options: Options): Promise<boolean> {
  const { ingest835 } = await import('@/lib/server/remits/ingest-835');
  const { ingestCsv } = await import('@/lib/server/remits/ingest-csv');
  const { db } = await import('@/lib/server/db');
  const actor: AuditActor = { id: null, email: `cli:${os.userInfo().username}`, userAgent: 'overturn ingest CLI' };
  if (options.as) {
    const user = await db.user.findUnique({ where: { email: options.as } });
    if (!user) throw new Error(`--as ${options.as}: no such user`);
    actor.id = user.id;
    actor.email = user.email;
  }
  let ok = true;
  for (const file of files) {
    try {
      const bytes = new Uint8Array(readFileSync(file));
      const filename = path.basename(file);
      if (isCsv(file)) {
        const saved = await savedMapping(options.source);
        if (!saved.ok) throw new Error(saved.message);
        const result = await ingestCsv(actor, { filename, bytes, source: options.source!, mapping: saved.mapping, saveMapping: false });
        const failed = !result.ok ? result.code !== 'duplicate' : result.rejected.length > 0;
        ok = !failed && ok;
        if (options.json) console.log(JSON.stringify({ file, ...result }));
        else if (result.ok) {
          console.log(`${file}: ${result.imported} rows imported, ${result.denialsCreated} denials, ${result.rejected.length} rejected`);
          for (const row of result.rejected) console.log(`  line ${row.line}: ${row.reason}`);
        } else console.log(`${file}: ${result.code === 'duplicate' ? 'skipped' : 'failed'}: ${result.message}`);
        continue;
      }
      const result = await ingest835(actor, { filename, bytes });
      ok = (result.ok || result.code === 'duplicate') && ok;
      if (options.json) console.log(JSON.stringify({ file, ...result }));
      else if (result.ok) {
        const review = result.needsReview ? `; NEEDS REVIEW: ${result.reviewReason}` : '';
        console.log(
          `${file}: ${result.claims} claims, ${result.denialsCreated} denials, ${result.recoveriesMatched} recoveries, ` +
            `${result.reversalsApplied} reversals, ${result.warnings.length} warnings${review}`,
        );
      } else console.log(`${file}: ${result.code === 'duplicate' ? 'skipped' : 'failed'}: ${result.message}`);
    } catch (error) {
      ok = false;
      const message = error instanceof Error ? error.message : String(error);
      if (options.json) console.log(JSON.stringify({ file, ok: false, code: 'error', message }));
      else console.log(`${file}: failed: ${message}`);
    }
  }
  return ok;
}

/** DATABASE_URL, else the embedded database `npm start` runs (used if it is up, started for the run if not). */
async function database(): Promise<() => Promise<void>> {
  if (process.env.DATABASE_URL) return async () => {};
  const { resolveDatabase } = await import('./db/resolve-database');
  const root = path.resolve(import.meta.dirname, '..');
  const pidFile = path.join(root, '.data/dev/postmaster.pid');
  const portFile = path.join(root, '.data/dev.port');
  if (existsSync(pidFile) && existsSync(portFile)) {
    process.env.DATABASE_URL = `postgresql://postgres:postgres@127.0.0.1:${readFileSync(portFile, 'utf8').trim()}/overturn`;
    return async () => {};
  }
  const embedded = await resolveDatabase('dev', 'overturn');
  process.env.DATABASE_URL = embedded.url;
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
      if (databaseUsed) await disconnect();
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
