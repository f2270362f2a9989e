import 'server-only';
import { type CsvCell, moneyCell } from '@/lib/domain/csv-cells';
import type { IsoDate } from '@/lib/domain/dates';
import { DEADLINE_KIND_LABEL, statusLabel } from '@/lib/domain/denial-labels';
import { categoryLabel, departmentLabel } from '@/lib/domain/labels';
import type { Actor } from '@/lib/domain/permissions';
import type { QueueParams } from '@/lib/domain/queue-params';
import { Prisma } from '@/lib/generated/prisma/client';
import { authorize } from '../authorize';
import { reportPool } from '../db';
import type { QueueCursor } from '../denials/queue-cursor';
import { type QueueScope, queueAuditDetails, queueScope } from '../denials/queue-scope';
import { type QueueExportRow, cursorOf, selectQueueExportRows } from '../denials/queue-select';
import { sortPlan } from '../denials/queue-sql';
import { csvExport } from './csv-export';

/** Rows per read: large enough that a million rows are a thousand index walks, small enough to hold at once. */
export const EXPORT_BATCH = 1000;

const HEADER = ['Claim', 'Payer claim number', 'Patient', 'Payer', 'CARC', 'RARC', 'Category', 'Department', 'Denied amount', 'Recovered amount', 'Deadline', 'Deadline kind', 'Status', 'Owner', 'Score', 'Opened'];

/** One denial as the queue shows it (patient, payer, codes, amounts in dollars from cents, deadline, owner, score). */
function cells(row: QueueExportRow): CsvCell[] {
  return [
    row.patientControlNumber,
    row.payerClaimNumber,
    row.patientName ?? 'Unknown patient',
    row.payerName,
    row.carcCodes.join(' '),
    row.rarcCodes.join(' '),
    categoryLabel(row.category),
    departmentLabel(row.department),
    moneyCell(row.deniedCents),
    moneyCell(row.recoveredCents),
    row.deadlineDate,
    row.deadlineKind ? (DEADLINE_KIND_LABEL[row.deadlineKind] ?? row.deadlineKind) : null,
    statusLabel(row.status, row.appealLevel),
    row.ownerName,
    // The score as the queue reads it: expected dollars recovered, weighted (components/denials/format.ts).
    Math.round(row.score / 100),
    row.openedAt.toISOString().slice(0, 10),
  ];
}

/** The view's rows in its order, a keyset batch at a time — the page's own plan (sortPlan), walked to the end. */
async function* batches(scope: QueueScope): AsyncGenerator<QueueExportRow[]> {
  for (const undated of scope.undatedPhase ? [false, true] : [false]) {
    let cursor: QueueCursor | null = null;
    for (;;) {
      const plan = sortPlan(scope.sort, cursor, undated);
      const rows = await selectQueueExportRows(Prisma.sql`${scope.where} AND ${plan.phase} AND ${plan.after}`, plan.orderBy, EXPORT_BATCH, scope.prepared, reportPool);
      if (rows.length > 0) yield rows;
      const last = rows.at(-1);
      if (rows.length < EXPORT_BATCH || !last) break;
      cursor = cursorOf(scope.sort, last);
    }
  }
}

/**
 * The queue view and filters the actor sees, every page of it, as a CSV download (GET /api/exports/queue takes the
 * queue page's URL parameters). Same scope as the screen (queue-scope.ts); PHI leaves the app, so export_lists.
 */
export async function exportQueue(actor: Actor, params: QueueParams, today: IsoDate): Promise<Response> {
  authorize(actor, 'export_lists', undefined, 'Your role may not export lists.');
  authorize(actor, 'view_queue', undefined, 'Your role does not include the denial queue.');
  const scope = await queueScope(actor, { ...params, cursor: undefined }, today);
  return csvExport(actor, {
    list: 'queue',
    filename: `denial-queue-${today}.csv`,
    header: HEADER,
    batches: batches(scope),
    toCells: cells,
    phi: true,
    details: { ...queueAuditDetails(params), view: scope.viewName, sort: scope.sort },
  });
}
