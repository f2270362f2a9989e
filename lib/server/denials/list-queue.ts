import 'server-only';
import type { IsoDate } from '@/lib/domain/dates';
import type { Actor } from '@/lib/domain/permissions';
import { DEFAULT_PAGE_SIZE, type QueueParams, isHistoryQuery } from '@/lib/domain/queue-params';
import { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { describeCodes } from '../codes/code-descriptions';
import { authorize } from '../authorize';
import type { QueuePageDto } from './dto';
import { decodeCursor, encodeCursor } from './queue-cursor';
import { findQueueImport } from './queue-import';
import { type QueueRow, toQueueRow } from './queue-row';
import { queueAuditDetails, queueScope } from './queue-scope';
import { cursorOf, selectQueueRows } from './queue-select';
import { sortPlan } from './queue-sql';
import { viewTotal } from './queue-total';

export { ESTIMATE_ABOVE, TOTAL_CAP } from './queue-total';

/**
 * One page of the queue: the view and filters scoped to what the actor may read, in the chosen order, after
 * the cursor — keyset pagination, so page 1,000 costs what page 1 does. The first page also carries the
 * view's total (estimated or capped). Each page read is an audited PHI read.
 */
export async function listQueue(actor: Actor, params: QueueParams, today: IsoDate): Promise<QueuePageDto> {
  authorize(actor, 'view_queue', undefined, 'Your role does not include the denial queue.');
  const { sort, where, covering, prepared, undatedPhase } = await queueScope(actor, params, today);
  const limit = params.limit ?? DEFAULT_PAGE_SIZE;
  const cursor = params.cursor ? decodeCursor(params.cursor, sort) : null;

  // The deadline sort reads its undated rows after the dated ones (NULLS LAST) as a second keyset phase.
  const inUndated = cursor?.s === 'deadline' && cursor.v === null;
  const first = sortPlan(sort, cursor, inUndated);
  const [fetched, total, fromImport] = await Promise.all([
    selectQueueRows(Prisma.sql`${where} AND ${first.phase} AND ${first.after}`, first.orderBy, limit + 1, prepared),
    cursor ? Promise.resolve(null) : viewTotal(where, { exact: isHistoryQuery(params) }),
    params.import ? findQueueImport(actor, params.import) : Promise.resolve(null),
  ]);
  let rows = fetched;
  if (undatedPhase && !inUndated && rows.length <= limit) {
    const undated = sortPlan(sort, null, true);
    const more = await selectQueueRows(Prisma.sql`${where} AND ${undated.phase}`, undated.orderBy, limit + 1 - rows.length, prepared);
    rows = rows.concat(more);
  }

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const pageNumber = cursor?.n ?? 1;
  const nextCursor = rows.length > limit && last ? encodeCursor({ ...cursorOf(sort, last), n: pageNumber + 1 }) : null;
  const codes = await describeCodes(
    page.flatMap((r) => r.carcCodes),
    page.flatMap((r) => r.rarcCodes),
  );
  await auditQueueRead(actor, params, page.length);
  // A row in "mine" owned by someone else is there because the actor covers for them: the table says so.
  const rowOf = (r: QueueRow) => ({ ...toQueueRow(r, today), ...(covering.length && r.ownerId !== actor.id ? { coveringFor: r.ownerName } : {}) });
  return { rows: page.map(rowOf), nextCursor, page: pageNumber, total, codes, today, fromImport };
}

/** The queue shows patient names and claim numbers: each page read is a PHI read, audited without the PHI. */
async function auditQueueRead(actor: Actor, params: QueueParams, rowCount: number): Promise<void> {
  await audit(actor, {
    action: 'denial.list',
    entityType: 'denial',
    phi: true,
    details: { ...queueAuditDetails(params), page: params.cursor ? 'next' : 'first', rows: rowCount },
  });
}
