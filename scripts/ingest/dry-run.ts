// `npm run ingest -- --dry-run`: read and classify, write nothing (see scripts/ingest.ts).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import type { CodeMapping } from '@/lib/domain/code-mapping';
import { codeMappingFromFiles } from '@/lib/server/codes/code-mapping-files';
import { describe835 } from '@/lib/server/remits/describe-835';
import { type Options, isCsv, report, savedMapping, sha256OfFile } from './options';

const out = (text: string) => new Promise<void>((resolve) => (process.stdout.write(text) ? resolve() : process.stdout.once('drain', resolve)));

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

export async function dryRun(files: string[], options: Options): Promise<boolean> {
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
    const header = { file, sizeBytes: statSync(file).size, sha256: await sha256OfFile(file), classification: from };
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
