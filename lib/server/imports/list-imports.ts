import 'server-only';
import { z } from 'zod';
import type { ImportRow } from '@/lib/domain/contracts/imports';
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

interface Raw extends Omit<ImportRow, 'importedAt' | 'warningCount' | 'rejectedCount' | 'warnings'> {
  importedAt: Date;
  warningCount: number;
  rejectedCount: number;
  warnings: unknown;
}

const jsonLength = (column: Prisma.Sql) => Prisma.sql`CASE WHEN jsonb_typeof(${column}) = 'array' THEN jsonb_array_length(${column}) ELSE 0 END`;

/**
 * The imports the actor reaches (import-scope.ts), newest first, keyset-paged on (importedAt, id). Never selects
 * the file content. The warnings quote values from the files, so showing them is recorded as a PHI read.
 */
export async function listImports(actor: Actor, input: ListImportsInput): Promise<{ rows: ImportRow[]; nextBefore: string | null }> {
  authorize(actor, 'view_imports', undefined, 'Your role does not include import history.');
  const page = input.file
    ? Prisma.sql`f.id = ${input.file}::uuid`
    : input.before
      ? Prisma.sql`(f."importedAt", f.id) < (SELECT "importedAt", id FROM remittance_file WHERE id = ${input.before}::uuid)`
      : Prisma.sql`TRUE`;
  const where = Prisma.sql`WHERE ${importScopeSql(actor)} AND ${page}`;
  const raw = await db.$queryRaw<Raw[]>`
    SELECT f.id, f.filename, f.format::text AS format, f."sizeBytes", f."importedAt", u.name AS "importedBy",
           f."claimCount", f."denialCount", f."recoveryCount", f."needsReview", f."reviewReason",
           (${jsonLength(Prisma.sql`f.warnings`)})::int AS "warningCount",
           CASE WHEN jsonb_typeof(f.warnings) = 'array'
                THEN jsonb_path_query_array(f.warnings, ${`$[0 to ${WARNINGS_SHOWN - 1}]`}::jsonpath) ELSE '[]'::jsonb END AS warnings,
           (${jsonLength(Prisma.sql`f."rejectedRows"`)})::int AS "rejectedCount"
    FROM remittance_file f
    LEFT JOIN app_user u ON u.id = f."importedById"
    ${where}
    ORDER BY f."importedAt" DESC, f.id DESC
    LIMIT ${IMPORTS_PAGE_SIZE + 1}`;
  const rows = raw.slice(0, IMPORTS_PAGE_SIZE);
  await audit(actor, {
    action: 'imports.list',
    entityType: 'remittance_file',
    phi: true,
    details: { fileIds: rows.map((r) => r.id), before: input.before ?? null },
  });
  return {
    rows: rows.map((r) => ({ ...r, importedAt: r.importedAt.toISOString(), warnings: issues.parse(r.warnings) })),
    nextBefore: raw.length > IMPORTS_PAGE_SIZE ? (rows.at(-1)?.id ?? null) : null,
  };
}
