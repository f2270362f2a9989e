import 'server-only';
import type { IsoDate } from '@/lib/domain/dates';
import { type Actor, can } from '@/lib/domain/permissions';
import { DEFAULT_PAGE_SIZE, DEFAULT_VIEW, type QueueParams, type QueueSort, defaultSortFor } from '@/lib/domain/queue-params';
import { scoreWhy } from '@/lib/domain/score-why';
import { Prisma } from '@/lib/generated/prisma/client';
import { type AuditActor, audit } from '../audit';
import { describeCodes } from '../codes/code-descriptions';
import { AppError } from '../errors';
import { query } from '../sql';
import { type QueuePageDto, type QueueRowDto, deadlineDto } from './dto';
import { type QueueCursor, decodeCursor, encodeCursor } from './queue-cursor';
import { queueWhere, requiresDeadline, sortPlan } from './queue-sql';

/** Above this the queue says "1,000+": counting further is work nobody reads. */
export const TOTAL_CAP = 1000;
/** Above this planner estimate the total is shown as an estimate ("≈ 97,000") and nothing is counted. */
export const ESTIMATE_ABOVE = 2000;

interface Row {
  id: string;
  version: number;
  patientName: string | null;
  patientControlNumber: string;
  payerClaimNumber: string | null;
  payerId: string;
  payerName: string;
  warningWindowDays: number;
  /** int8 arrives from pg as a string. */
  deniedCents: string;
  category: string;
  department: string;
  carcCodes: string[];
  rarcCodes: string[];
  deadlineDate: string | null;
  deadlineKind: string | null;
  ownerId: string | null;
  ownerName: string | null;
  teamId: string | null;
  followUpDate: string | null;
  status: string;
  appealLevel: string | null;
  escalated: boolean;
  appealable: boolean;
  score: number;
  scoreLikelihood: number;
  openedAt: Date;
  updatedAt: Date;
}

const WAITING_STATUSES = new Set(['appealed', 'corrected_resubmitted', 'writeoff_pending']);

function select(where: Prisma.Sql, orderBy: Prisma.Sql, limit: number) {
  return query<Row>(Prisma.sql`
    SELECT d.id, d.version, d."patientName", d."patientControlNumber", d."payerClaimNumber",
           d."payerId", p.name AS "payerName", p."warningWindowDays",
           d."deniedCents", d.category, d.department, d."carcCodes", d."rarcCodes",
           d."deadlineDate"::text AS "deadlineDate", d."deadlineKind",
           d."ownerId", u.name AS "ownerName", d."teamId", d."followUpDate"::text AS "followUpDate",
           d.status::text AS status, d."appealLevel", d.escalated, d.appealable,
           d.score, d."scoreLikelihood", d."openedAt", d."updatedAt"
    FROM denial d
    JOIN payer p ON p.id = d."payerId"
    LEFT JOIN app_user u ON u.id = d."ownerId"
    WHERE ${where}
    ORDER BY ${orderBy}
    LIMIT ${limit}`);
}

function cursorOf(sort: QueueSort, row: Row): QueueCursor {
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

export function toQueueRow(row: Row, today: IsoDate): QueueRowDto {
  const deniedCents = Number(row.deniedCents);
  return {
    id: row.id,
    version: row.version,
    status: row.status,
    appealLevel: row.appealLevel,
    owner: row.ownerId ? { id: row.ownerId, name: row.ownerName ?? '' } : null,
    teamId: row.teamId,
    followUpDate: row.followUpDate,
    escalated: row.escalated,
    deniedCents,
    score: row.score,
    scoreLikelihood: row.scoreLikelihood,
    deadline: deadlineDto(row.deadlineDate, row.deadlineKind, today, row.warningWindowDays),
    updatedAt: row.updatedAt.toISOString(),
    patientName: row.patientName,
    patientControlNumber: row.patientControlNumber,
    payerClaimNumber: row.payerClaimNumber,
    payer: { id: row.payerId, name: row.payerName },
    category: row.category,
    department: row.department,
    carcCodes: row.carcCodes,
    rarcCodes: row.rarcCodes,
    appealable: row.appealable,
    why: scoreWhy({
      amountCents: deniedCents,
      likelihood: row.scoreLikelihood,
      deadlineDate: row.deadlineDate,
      waiting: WAITING_STATUSES.has(row.status),
      today,
    }),
    openedAt: row.openedAt.toISOString(),
  };
}

/** Two significant digits: an estimate should not look more precise than it is. */
const roughly = (n: number) => {
  const scale = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, n))) - 1);
  return Math.round(n / scale) * scale;
};

// Estimates of large views, briefly remembered: refreshes and colleagues on the same view re-ask the same
// question, and an estimate does not get better for being re-planned within half a minute.
const ESTIMATE_TTL_MS = 30_000;
const estimates = new Map<string, { at: number; rows: number }>();

async function planEstimate(where: Prisma.Sql): Promise<number> {
  const key = `${where.text}\u0000${JSON.stringify(where.values)}`;
  const known = estimates.get(key);
  if (known && Date.now() - known.at < ESTIMATE_TTL_MS) return known.rows;
  const [plan] = await query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
    Prisma.sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM denial d WHERE ${where}`,
  );
  const rows = plan?.['QUERY PLAN'][0].Plan['Plan Rows'] ?? 0;
  // Only large views are worth remembering (small ones are counted exactly); the map stays bounded.
  if (rows > ESTIMATE_ABOVE) {
    if (estimates.size >= 500) estimates.delete(estimates.keys().next().value!);
    estimates.set(key, { at: Date.now(), rows });
  }
  return rows;
}

/**
 * The size of the view without counting a large table on every keystroke: the planner's estimate when it is
 * large (planning only, no rows read), an exact count capped at TOTAL_CAP when it is small — a small set is
 * one the planner reaches through an index, so counting it is cheap.
 */
async function viewTotal(where: Prisma.Sql): Promise<NonNullable<QueuePageDto['total']>> {
  const estimate = await planEstimate(where);
  if (estimate > ESTIMATE_ABOVE) return { count: roughly(estimate), capped: false, estimated: true };
  const [row] = await query<{ n: number }>(
    Prisma.sql`SELECT count(*)::int AS n FROM (SELECT 1 FROM denial d WHERE ${where} LIMIT ${TOTAL_CAP + 1}) capped`,
  );
  const n = row?.n ?? 0;
  return { count: Math.min(n, TOTAL_CAP), capped: n > TOTAL_CAP, estimated: false };
}

/**
 * One page of the queue: the view and filters scoped to what the actor may read, in the chosen order, after
 * the cursor — keyset pagination, so page 1,000 costs what page 1 does. The first page also carries the
 * view's total (estimated or capped).
 */
export async function listQueue(actor: Actor, params: QueueParams, today: IsoDate): Promise<QueuePageDto> {
  if (!can(actor, 'view_queue')) throw new AppError('forbidden', 'Your role does not include the denial queue.');
  const viewName = params.view ?? DEFAULT_VIEW;
  const sort = params.sort ?? defaultSortFor(viewName);
  const limit = params.limit ?? DEFAULT_PAGE_SIZE;
  const cursor = params.cursor ? decodeCursor(params.cursor, sort) : null;
  const where = queueWhere(actor, params, viewName, today);

  // The deadline sort reads its undated rows after the dated ones (NULLS LAST) as a second keyset phase.
  const inUndated = cursor?.s === 'deadline' && cursor.v === null;
  const first = sortPlan(sort, cursor, inUndated);
  const [fetched, total] = await Promise.all([
    select(Prisma.sql`${where} AND ${first.phase} AND ${first.after}`, first.orderBy, limit + 1),
    cursor ? Promise.resolve(null) : viewTotal(where),
  ]);
  let rows = fetched;
  if (sort === 'deadline' && !inUndated && rows.length <= limit && !requiresDeadline(params, viewName)) {
    const undated = sortPlan(sort, null, true);
    const more = await select(Prisma.sql`${where} AND ${undated.phase}`, undated.orderBy, limit + 1 - rows.length);
    rows = rows.concat(more);
  }

  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? encodeCursor(cursorOf(sort, last)) : null;
  const codes = await describeCodes(
    page.flatMap((r) => r.carcCodes),
    page.flatMap((r) => r.rarcCodes),
  );
  return { rows: page.map((r) => toQueueRow(r, today)), nextCursor, total, codes, today };
}

/** The queue shows patient names and claim numbers: each page read is a PHI read, audited without the PHI. */
export async function auditQueueRead(actor: AuditActor, params: QueueParams, rowCount: number): Promise<void> {
  // A claim reference searched for is itself an identifier: record that a search happened, not its text.
  const { cursor, q, ...filters } = params;
  await audit(actor, {
    action: 'denial.list',
    entityType: 'denial',
    phi: true,
    details: { ...filters, ...(q ? { claimReferenceSearch: true } : {}), page: cursor ? 'next' : 'first', rows: rowCount },
  });
}
