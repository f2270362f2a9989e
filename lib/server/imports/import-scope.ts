import 'server-only';
import { type Actor, type Scope, reachesAll } from '@/lib/domain/permissions';
import { Prisma } from '@/lib/generated/prisma/client';

// An import belongs to whoever uploaded it and to their team (permissions.ts `reaches`): its history, rejected rows
// and raw bytes name claims and patients, so another team's imports are not yours. Files the ingest command or the
// seed wrote have no importer: the shared pool, as unassigned denials are.

/**
 * The import-history rows the actor reaches, for a query over `remittance_file f LEFT JOIN app_user u` (or
 * `failed_import f`, whose uploader column is passed as `importer`).
 */
export function importScopeSql(actor: Actor, importer: Prisma.Sql = Prisma.sql`f."importedById"`): Prisma.Sql {
  if (reachesAll(actor)) return Prisma.sql`TRUE`;
  const team = actor.teamId ? Prisma.sql` OR u."teamId" = ${actor.teamId}::uuid` : Prisma.empty;
  return Prisma.sql`(${importer} = ${actor.id}::uuid OR ${importer} IS NULL${team})`;
}

/** Select this with the file, then pass it to importScope. */
export const IMPORTER_SELECT = { importedBy: { select: { id: true, teamId: true } } } as const;

/** One import's scope: its importer and the importer's team (both null for the pool). */
export function importScope(file: { importedBy: { id: string; teamId: string | null } | null }): Scope {
  return { ownerId: file.importedBy?.id ?? null, teamId: file.importedBy?.teamId ?? null };
}
