// The ingest CLI's options and what its dry run and import share (scripts/ingest.ts is the entry point).
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { CsvMapping } from '@/lib/domain/contracts/imports';

export const USAGE = 'usage: npm run ingest -- [--dry-run] [--json] [--source NAME] [--as EMAIL] <file or folder>...';

export interface Options {
  dryRun: boolean;
  json: boolean;
  source: string | null;
  as: string | null;
  inputs: string[];
}

export const isCsv = (file: string) => file.toLowerCase().endsWith('.csv');

/** Set once the database was opened for a saved CSV mapping, so the entry point closes it. */
export const state = { databaseUsed: false };

/** The column mapping saved for a CSV source (from the database, where the upload page saves it). */
export async function savedMapping(source: string | null): Promise<{ ok: true; mapping: CsvMapping } | { ok: false; message: string }> {
  if (!source) return { ok: false, message: 'A CSV needs --source NAME: the source whose saved column mapping to use.' };
  if (!process.env.DATABASE_URL) return { ok: false, message: 'A CSV needs the saved mapping from the database: set DATABASE_URL.' };
  const { savedCsvMapping } = await import('@/lib/server/remits/preview-csv');
  state.databaseUsed = true;
  const mapping = await savedCsvMapping(source);
  if (!mapping) return { ok: false, message: `No column mapping is saved for source "${source}": map the columns once in the upload page.` };
  return { ok: true, mapping };
}

export function report(options: Options, doc: Record<string, unknown> & { file: string; ok: boolean }): void {
  if (options.json) console.log(JSON.stringify(doc));
  else {
    const errors = (doc.errors as { message: string }[] | undefined) ?? [];
    console.log(`${doc.file}: ${doc.ok ? 'ok' : 'failed'}${errors.length ? `\n  ${errors.map((e) => e.message).join('\n  ')}` : ''}`);
  }
}

/** A file's SHA-256, read at disk speed a megabyte at a time (never the whole file in memory). */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
