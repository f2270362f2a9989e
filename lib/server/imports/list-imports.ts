import 'server-only';
import { z } from 'zod';
import type { FailedImportRow, ImportHistoryRow, ImportRow } from '@/lib/domain/contracts/imports';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { authorize } from '../authorize';
import { db } from '../db';
import { importScopeSql } from './import-scope';

export const IMPORTS_PAGE_SIZE = 25;
/** The history shows this many warnings per file; the rest are counted. */
const WARNINGS_SHOWN = 100;

export const listImportsInput = z.object({
  /** Keyset cursor: the id of the last file on the previous page. */
  before: z.uuid().optional(),
  /** Just this file (a duplicate upload links here). */
  file: z.uuid().optional(),
});
export type ListImportsInput = z.infer<typeof listImportsInput>;

const issue = z.object({
  code: z.string().catch('warning'),
  message: z.string().catch(''),
  segmentIndex: z.number().nullable().catch(null),
  segmentId: z.string().nullable().catch(null),
  element: z.number().nullable().catch(null),
});
const issues = z.array(issue).catch([]);

interface Raw extends Omit<ImportRow, 'outcome' | 'importedAt' | 'warningCount' | 'rejectedCount' | 'warnings'> {
  importedAt: Date;
  warningCount: number;
  rejectedCount: number;
  warnings: unknown;
}

const jsonLength = (column: Prisma.Sql) => Prisma.sql`CASE WHEN jsonb_typeof(${column}) = 'array' THEN jsonb_array_length(${column}) ELSE 0 END`;

interface RawFailure extends Omit<FailedImportRow, 'outcome' | 'importedAt' | 'error'> {
  importedAt: Date;
  code: string;
  message: string;
  segmentIndex: number | null;
  segmentId: string | null;
  element: number | null;
}

/**
 * The imports the actor reaches (import-scope.ts), with the uploads that were refused for their content
 * (failed_import) among them by time, newest first, keyset-paged on (time, id) over both. Never selects the file
 * content. The warnings and errors quote values from the files, so showing them is recorded as a PHI read.
 */
export async function listImports(actor: Actor, input: ListImportsInput): Promise<{ rows: ImportHistoryRow[]; nextBefore: string | null }> {
  authorize(actor, 'view_imports', undefined, 'Your role does not include import history.');
  // The cursor row is in one table or the other; a row comparison with no cursor row found matches nothing.
  const cursor = Prisma.sql`(SELECT at, id FROM (SELECT "importedAt" AS at, id FROM remittance_file WHERE id = ${input.before ?? null}::uuid
                              UNION ALL SELECT at, id FROM failed_import WHERE id = ${input.before ?? null}::uuid) c LIMIT 1)`;
  const page = (at: Prisma.Sql) =>
    input.file ? Prisma.sql`f.id = ${input.file}::uuid` : input.before ? Prisma.sql`(${at}, f.id) < ${cursor}` : Prisma.sql`TRUE`;
  const [files, failures] = await Promise.all([
    db.$queryRaw<Raw[]>`
    SELECT f.id, f.filename, f.format::text AS format, f."sizeBytes"::float8 AS "sizeBytes", f."importedAt", u.name AS "importedBy",
           f."claimCount", f."denialCount", f."recoveryCount", f."needsReview", f."reviewReason",
           (${jsonLength(Prisma.sql`f.warnings`)})::int AS "warningCount",
           CASE WHEN jsonb_typeof(f.warnings) = 'array'
                THEN jsonb_path_query_array(f.warnings, ${`$[0 to ${WARNINGS_SHOWN - 1}]`}::jsonpath) ELSE '[]'::jsonb END AS warnings,
           (${jsonLength(Prisma.sql`f."rejectedRows"`)})::int AS "rejectedCount"
    FROM remittance_file f
    LEFT JOIN app_user u ON u.id = f."importedById"
    WHERE ${importScopeSql(actor)} AND ${page(Prisma.sql`f."importedAt"`)}
    ORDER BY f."importedAt" DESC, f.id DESC
    LIMIT ${IMPORTS_PAGE_SIZE + 1}`,
    db.$queryRaw<RawFailure[]>`
    SELECT f.id, f.filename, CASE f.kind WHEN '835' THEN 'x12_835' ELSE 'csv' END AS format, f."sizeBytes"::float8 AS "sizeBytes", f.at AS "importedAt",
           u.name AS "importedBy", f.error AS message, f."segmentIndex", f."segmentId", f.element,
           CASE WHEN f.kind = 'csv' THEN 'invalid_mapping' ELSE 'parse_error' END AS code
    FROM failed_import f
    LEFT JOIN app_user u ON u.id = f."uploadedById"
    WHERE ${importScopeSql(actor, Prisma.sql`f."uploadedById"`)} AND ${page(Prisma.sql`f.at`)}
    ORDER BY f.at DESC, f.id DESC
    LIMIT ${IMPORTS_PAGE_SIZE + 1}`,
  ]);
  const merged: ImportHistoryRow[] = [
    ...files.map((r): ImportRow => ({ ...r, outcome: 'imported', importedAt: r.importedAt.toISOString(), warnings: issues.parse(r.warnings) })),
    ...failures.map(({ code, message, segmentIndex, segmentId, element, ...r }): FailedImportRow => ({
      ...r,
      outcome: 'failed',
      importedAt: r.importedAt.toISOString(),
      error: { code, message, segmentIndex, segmentId, element },
    })),
    // Newest first by (time, id) across both tables: ISO times in UTC and uuids both compare as text.
  ].sort((a, b) => (a.importedAt !== b.importedAt ? (a.importedAt < b.importedAt ? 1 : -1) : a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const rows = merged.slice(0, IMPORTS_PAGE_SIZE);
  await audit(actor, {
    action: 'imports.list',
    entityType: 'remittance_file',
    phi: true,
    details: { fileIds: rows.filter((r) => r.outcome === 'imported').map((r) => r.id), failedIds: rows.filter((r) => r.outcome === 'failed').map((r) => r.id), before: input.before ?? null },
  });
  return { rows, nextBefore: merged.length > IMPORTS_PAGE_SIZE ? (rows.at(-1)?.id ?? null) : null };
}
