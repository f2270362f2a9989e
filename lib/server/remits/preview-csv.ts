import 'server-only';
import { z } from 'zod';
import type { Actor } from '@/lib/domain/permissions';
import { authorize } from '../authorize';
import { db } from '../db';
import { CSV_FIELDS, type CsvMapping } from '@/lib/domain/contracts/imports';
import { suggestMapping } from '@/lib/domain/csv-mapping';
import { readCsv } from './read-csv';

const PREVIEW_ROWS = 20;

const storedMapping = z.partialRecord(z.enum(CSV_FIELDS), z.string());

/** The mapping saved for this source, if it is still a valid one (an unknown field is dropped, not trusted). */
export async function savedCsvMapping(source: string): Promise<CsvMapping | null> {
  const saved = await db.csvMapping.findUnique({ where: { source } });
  if (!saved || typeof saved.mapping !== 'object' || saved.mapping === null || Array.isArray(saved.mapping)) return null;
  const known = Object.fromEntries(Object.entries(saved.mapping).filter(([field]) => (CSV_FIELDS as readonly string[]).includes(field)));
  const parsed = storedMapping.safeParse(known);
  return parsed.success ? parsed.data : null;
}

/**
 * The start of a CSV export for the mapping step: its headers, the first rows, how many data rows it has
 * (of the bytes given), a mapping guessed from the headers, and the mapping saved for the source.
 */
export async function previewCsv(
  actor: Actor,
  bytes: Uint8Array,
  source?: string,
): Promise<{ headers: string[]; rows: string[][]; totalRows: number; suggestedMapping: CsvMapping; savedMapping: CsvMapping | null }> {
  authorize(actor, 'import_remits', undefined, 'Your role does not include importing remittances.');
  const table = readCsv(bytes);
  return {
    headers: table.headers,
    rows: table.rows.slice(0, PREVIEW_ROWS).map((row) => row.cells),
    totalRows: table.rows.length,
    suggestedMapping: suggestMapping(table.headers),
    savedMapping: source ? await savedCsvMapping(source) : null,
  };
}
