import 'server-only';
import type { IsoDate } from '@/lib/domain/dates';
import type { Actor } from '@/lib/domain/permissions';
import { DEFAULT_PAGE_SIZE, DEFAULT_VIEW, type QueueParams, type QueueSort, defaultSortFor, isHistoryQuery } from '@/lib/domain/queue-params';
import { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { describeCodes } from '../codes/code-descriptions';
import { authorize } from '../authorize';
import { query } from '../sql';
import type { QueuePageDto } from './dto';
import { type QueueCursor, decodeCursor, encodeCursor } from './queue-cursor';
import { findQueueImport } from './queue-import';
import { type QueueRow, toQueueRow } from './queue-row';
import { queueWhere, requiresDeadline, sortPlan } from './queue-sql';
import { coveredOwnerIds } from '../team/covering';
import { viewTotal } from './queue-total';

export { ESTIMATE_ABOVE, TOTAL_CAP } from './queue-total';

/**
 * `prepared`: planned once per connection. Not for a search: how many rows a term matches decides between the
 * trigram index and walking the sort's index, and a generic plan cannot know the term.
 */
function select(where: Prisma.Sql, orderBy: Prisma.Sql, limit: number, prepared: boolean) {
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

function cursorOf(sort: QueueSort, row: QueueRow): QueueCursor {
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

/**
 * One page of the queue: the view and filters scoped to what the actor may read, in the chosen order, after
 * the cursor — keyset pagination, so page 1,000 costs what page 1 does. The first page also carries the
 * view's total (estimated or capped). Each page read is an audited PHI read.
 */
export async function listQueue(actor: Actor, params: QueueParams, today: IsoDate): Promise<QueuePageDto> {
  authorize(actor, 'view_queue', undefined, 'Your role does not include the denial queue.');
  const viewName = params.view ?? DEFAULT_VIEW;
  const sort = params.sort ?? defaultSortFor(viewName);
  const limit = params.limit ?? DEFAULT_PAGE_SIZE;
  const cursor = params.cursor ? decodeCursor(params.cursor, sort) : null;
  const covering = viewName === 'mine' && !params.import ? await coveredOwnerIds(actor.id, today) : [];
  const where = queueWhere(actor, params, viewName, today, covering);
  const prepared = !params.q;

  // The deadline sort reads its undated rows after the dated ones (NULLS LAST) as a second keyset phase.
  const inUndated = cursor?.s === 'deadline' && cursor.v === null;
  const first = sortPlan(sort, cursor, inUndated);
  const [fetched, total, fromImport] = await Promise.all([
    select(Prisma.sql`${where} AND ${first.phase} AND ${first.after}`, first.orderBy, limit + 1, prepared),
    cursor ? Promise.resolve(null) : viewTotal(where, { exact: isHistoryQuery(params) }),
    params.import ? findQueueImport(actor, params.import) : Promise.resolve(null),
  ]);
  let rows = fetched;
  if (sort === 'deadline' && !inUndated && rows.length <= limit && !requiresDeadline(params, viewName)) {
    const undated = sortPlan(sort, null, true);
    const more = await select(Prisma.sql`${where} AND ${undated.phase}`, undated.orderBy, limit + 1 - rows.length, prepared);
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
  // A name, claim number or member id searched for is itself PHI: record that a search happened, not its text.
  const { cursor, q, ...filters } = params;
  await audit(actor, {
    action: 'denial.list',
    entityType: 'denial',
    phi: true,
    details: { ...filters, ...(q ? { search: true } : {}), page: cursor ? 'next' : 'first', rows: rowCount },
  });
}
