import 'server-only';
import type { Actor } from '@/lib/domain/permissions';
import { Prisma } from '@/lib/generated/prisma/client';
import { importScopeSql } from '../imports/import-scope';
import { query } from '../sql';

// The queue's import filter (`import=<file id>`): the denials whose claim came in that file — exactly those the
// import created, since a denial keeps the claim it was opened from (later recoveries link to it, not replace it).
// The file must be one the actor reaches in the import history (import-scope.ts); the denials are then scoped like
// every queue row (queue-sql.ts `scope`).

/** Claims of a file the actor reaches, for `d."claimId" IN (…)`: remittance(fileId) and claim(remittanceId) are indexed. */
export function importFilterSql(actor: Actor, fileId: string): Prisma.Sql {
  return Prisma.sql`d."claimId" IN (
    SELECT c.id FROM claim c
    JOIN remittance r ON r.id = c."remittanceId"
    JOIN remittance_file f ON f.id = r."fileId"
    LEFT JOIN app_user u ON u.id = f."importedById"
    WHERE r."fileId" = ${fileId}::uuid AND ${importScopeSql(actor)})`;
}

/** The file the queue is filtered to, for its chip; null when it does not exist or is not the actor's to see. */
export async function findQueueImport(actor: Actor, fileId: string): Promise<{ id: string; filename: string } | null> {
  const [row] = await query<{ id: string; filename: string }>(Prisma.sql`
    SELECT f.id, f.filename FROM remittance_file f LEFT JOIN app_user u ON u.id = f."importedById"
    WHERE f.id = ${fileId}::uuid AND ${importScopeSql(actor)}`);
  return row ?? null;
}
