import 'server-only';
import type { QueueSort } from '@/lib/domain/queue-params';
import type pg from 'pg';
import { Prisma } from '@/lib/generated/prisma/client';
import { query } from '../sql';
import type { QueueCursor } from './queue-cursor';
import type { QueueRow } from './queue-row';

/**
 * The queue's rows for a where, order and limit — one statement for the page and for the export's batches.
 * `prepared`: planned once per connection. Not for a search: how many rows a term matches decides between the
 * trigram index and walking the sort's index, and a generic plan cannot know the term.
 */
export function selectQueueRows(where: Prisma.Sql, orderBy: Prisma.Sql, limit: number, prepared: boolean) {
  return query<QueueRow>(Prisma.sql`
    SELECT d.id, d.version, d."patientName", d."patientControlNumber", d."payerClaimNumber",
           d."payerId", p.name AS "payerName", p."warningWindowDays",
           d."deniedCents", d.category, d.department, d."carcCodes", d."rarcCodes",
           d."deadlineDate"::text AS "deadlineDate", d."deadlineKind",
           d."ownerId", u.name AS "ownerName", d."teamId", d."followUpDate"::text AS "followUpDate",
           d.status::text AS status, d."appealLevel", d.escalated, d.appealable,
           d.score, d."scoreLikelihood", d."openedAt", d."updatedAt", d."recoveredCents", d."overpaidCents", d."resolvedAt"
    FROM denial d
    JOIN payer p ON p.id = d."payerId"
    LEFT JOIN app_user u ON u.id = d."ownerId"
    WHERE ${where}
    ORDER BY ${orderBy}
    LIMIT ${limit}`, { prepared });
}

/** What the CSV export writes of a denial (export-queue.ts), and the sort keys its keyset needs. */
export type QueueExportRow = Pick<
  QueueRow,
  | 'id' | 'patientName' | 'patientControlNumber' | 'payerClaimNumber' | 'payerName' | 'deniedCents' | 'recoveredCents' | 'category' | 'department'
  | 'carcCodes' | 'rarcCodes' | 'deadlineDate' | 'deadlineKind' | 'ownerName' | 'status' | 'appealLevel' | 'score' | 'openedAt'
>;

/**
 * The same rows, order and limit as selectQueueRows with only the columns the export writes: a million rows
 * parsed from the wire is the export's main cost (bench/export.ts), and half the page's columns are for the screen.
 */
export function selectQueueExportRows(where: Prisma.Sql, orderBy: Prisma.Sql, limit: number, prepared: boolean, client?: pg.Pool) {
  return query<QueueExportRow>(Prisma.sql`
    SELECT d.id, d."patientName", d."patientControlNumber", d."payerClaimNumber", p.name AS "payerName",
           d."deniedCents", d."recoveredCents", d.category, d.department, d."carcCodes", d."rarcCodes",
           d."deadlineDate"::text AS "deadlineDate", d."deadlineKind", u.name AS "ownerName",
           d.status::text AS status, d."appealLevel", d.score, d."openedAt"
    FROM denial d
    JOIN payer p ON p.id = d."payerId"
    LEFT JOIN app_user u ON u.id = d."ownerId"
    WHERE ${where}
    ORDER BY ${orderBy}
    LIMIT ${limit}`, { prepared, client });
}

/** The keyset position just after a row, in the sort's terms. */
export function cursorOf(sort: QueueSort, row: Pick<QueueRow, 'id' | 'score' | 'deniedCents' | 'openedAt' | 'deadlineDate'>): QueueCursor {
  switch (sort) {
    case 'score':
      return { s: 'score', v: row.score, id: row.id };
    case 'amount':
      return { s: 'amount', v: row.deniedCents, id: row.id };
    case 'age':
      return { s: 'age', v: row.openedAt.toISOString(), id: row.id };
    case 'deadline':
      return { s: 'deadline', v: row.deadlineDate, id: row.id };
  }
}
