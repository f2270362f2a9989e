import 'server-only';
import type { IsoDate } from '@/lib/domain/dates';
import { addDays } from '@/lib/domain/dates';
import { CLOSED_STATUSES } from '@/lib/domain/lifecycle';
import { type Actor, can, reachesAll } from '@/lib/domain/permissions';
import { DEADLINES_VIEW_DAYS, type QueueParams, type QueueSort, type QueueView, deadlineRange, isHistoryQuery } from '@/lib/domain/queue-params';
import { containsPattern, searchWords } from '@/lib/domain/queue-search';
import { followUpAfterDeadlineSql, inWarningWindowSql, openEscalationSql, untouchedSql, workedBetweenSql, workedSql } from '@/lib/server/team/board-sql';
import { dayRangeSql } from '@/lib/server/metrics/day-range';
import { Prisma } from '@/lib/generated/prisma/client';
import { AppError } from '../errors';
import type { QueueCursor } from './queue-cursor';
import { importFilterSql } from './queue-import';

// The queue's SQL, built only from fixed fragments and bound parameters: every view, filter and sort key
// was allow-listed by queueParamsSchema, and each maps to one fragment here.

/**
 * Open denials, written exactly as the partial keyset indexes' predicate (schema.prisma) so the planner can
 * prove the query implies it and use them.
 */
export const OPEN = Prisma.sql`d.status <> ALL (ARRAY['resolved_paid'::"DenialStatus", 'resolved_partial'::"DenialStatus", 'written_off'::"DenialStatus"])`;

/**
 * What the actor reaches (permissions.ts `reaches`): own, team and pool — or everything with organisation-wide scope.
 * Over the denial aliased `d`; other views of denials (appeals awaiting decision) scope with it too.
 */
export function reachSql(actor: Actor): Prisma.Sql {
  if (reachesAll(actor)) return Prisma.sql`TRUE`;
  const pool = Prisma.sql`(d."ownerId" IS NULL AND d."teamId" IS NULL)`;
  return actor.teamId
    ? Prisma.sql`(d."ownerId" = ${actor.id}::uuid OR d."teamId" = ${actor.teamId}::uuid OR ${pool})`
    : Prisma.sql`(d."ownerId" = ${actor.id}::uuid OR ${pool})`;
}

function view(actor: Actor, name: QueueView, today: IsoDate, covering: readonly string[]): Prisma.Sql {
  switch (name) {
    case 'mine':
      // Out-of-office cover: the due follow-ups of the people the actor covers today join their own work.
      return covering.length === 0
        ? Prisma.sql`d."ownerId" = ${actor.id}::uuid`
        : Prisma.sql`(d."ownerId" = ${actor.id}::uuid OR (d."ownerId" = ANY(${[...covering]}::uuid[]) AND d."followUpDate" <= ${today}::date))`;
    case 'team':
      return actor.teamId ? Prisma.sql`d."teamId" = ${actor.teamId}::uuid` : Prisma.sql`FALSE`;
    case 'unassigned':
      return Prisma.sql`d."ownerId" IS NULL`;
    case 'follow_ups':
      // Follow-up dates are a person's own reminders; a manager sees everyone's that are due (within reach).
      return can(actor, 'view_all_denials')
        ? Prisma.sql`d."followUpDate" <= ${today}::date`
        : Prisma.sql`d."followUpDate" <= ${today}::date AND d."ownerId" = ${actor.id}::uuid`;
    case 'deadlines':
      return Prisma.sql`d."deadlineDate" BETWEEN ${today}::date AND ${addDays(today, DEADLINES_VIEW_DAYS)}::date`;
    case 'all':
      if (!can(actor, 'view_all_denials')) throw new AppError('forbidden', 'Only managers see every team’s queue.');
      return Prisma.sql`TRUE`;
  }
}

/**
 * Closed denials are history, not work: the working views (mine, team, unassigned, follow-ups, deadlines) hold
 * open denials only, whatever the status filter says; "all" shows closed ones when the filter asks for them.
 */
function statusFilter(statuses: string[] | undefined, viewName: QueueView | null): Prisma.Sql {
  // viewName null: an import's denials, every status unless the filter narrows them.
  if (!statuses?.length) return viewName === null ? Prisma.sql`TRUE` : OPEN;
  const any = Prisma.sql`d.status = ANY(${statuses}::"DenialStatus"[])`;
  // Only-open selections keep the open predicate so the partial indexes still apply.
  const onlyOpen = statuses.every((s) => !(CLOSED_STATUSES as readonly string[]).includes(s));
  const closedShown = viewName === 'all' || viewName === null;
  return onlyOpen || !closedShown ? Prisma.sql`${OPEN} AND ${any}` : any;
}

/**
 * Every word of the search somewhere in the denial's searchable text — the expression denial_search_idx (a
 * trigram GIN index) is built on, written identically so the planner uses it; the term folded the same way.
 */
function search(term: string): Prisma.Sql[] {
  return searchWords(term).map(
    (word) =>
      Prisma.sql`denial_search_text(d."patientName", d."patientControlNumber", d."payerClaimNumber", d."memberId") LIKE denial_search_fold(${containsPattern(word)})`,
  );
}

/** The filters of a queue query (not its view, status rule or reach), one fragment each; the dashboard scopes its sums with them too. */
export function queueFilters(actor: Actor, q: QueueParams, today: IsoDate): Prisma.Sql[] {
  const out: Prisma.Sql[] = [];
  if (q.q) out.push(...search(q.q));
  if (q.payer?.length) out.push(Prisma.sql`d."payerId" = ANY(${q.payer}::uuid[])`);
  if (q.category?.length) out.push(Prisma.sql`d.category = ANY(${q.category}::text[])`);
  if (q.department?.length) out.push(Prisma.sql`d.department = ANY(${q.department}::text[])`);
  if (q.carc) out.push(Prisma.sql`d."carcCodes" @> ARRAY[${q.carc}]::text[]`);
  if (q.rarc) out.push(Prisma.sql`d."rarcCodes" @> ARRAY[${q.rarc}]::text[]`);
  if (q.min !== undefined) out.push(Prisma.sql`d."deniedCents" >= ${q.min}::bigint`);
  if (q.max !== undefined) out.push(Prisma.sql`d."deniedCents" <= ${q.max}::bigint`);
  if (q.escalated) out.push(Prisma.sql`d.escalated = ${q.escalated === 'true'}`);
  if (q.owner === 'me') out.push(Prisma.sql`d."ownerId" = ${actor.id}::uuid`);
  else if (q.owner === 'none') out.push(Prisma.sql`d."ownerId" IS NULL`);
  else if (q.owner) out.push(Prisma.sql`d."ownerId" = ${q.owner}::uuid`);
  if (q.due) {
    const range = deadlineRange(q.due, today);
    if (range.kind === 'none') out.push(Prisma.sql`d."deadlineDate" IS NULL`);
    else if (range.kind === 'warning_window') out.push(inWarningWindowSql(today));
    else {
      if (range.from) out.push(Prisma.sql`d."deadlineDate" >= ${range.from}::date`);
      if (range.to) out.push(Prisma.sql`d."deadlineDate" <= ${range.to}::date`);
    }
  }
  if (q.follow === 'overdue') out.push(Prisma.sql`d."followUpDate" < ${today}::date`);
  if (q.follow === 'today') out.push(Prisma.sql`d."followUpDate" = ${today}::date`);
  if (q.escalation === 'open') out.push(openEscalationSql);
  if (q.worked) out.push(workedSql(q.worked, today, q.by ?? null));
  else if (q.by && !q.workedFrom && !q.workedTo) out.push(workedSql('7d', today, q.by));
  // The dashboard's drill-down: each maps to the same fragment the dashboard's sums use (lib/server/metrics).
  if (q.openedFrom || q.openedTo) out.push(dayRangeSql(Prisma.sql`d."openedAt"`, q.openedFrom ?? null, q.openedTo ?? null));
  if (q.resolvedFrom || q.resolvedTo) out.push(Prisma.sql`NOT (${OPEN}) AND ${dayRangeSql(Prisma.sql`d."resolvedAt"`, q.resolvedFrom ?? null, q.resolvedTo ?? null)}`);
  if (q.workedFrom || q.workedTo) out.push(workedBetweenSql(q.workedFrom ?? null, q.workedTo ?? null, q.by ?? null));
  if (q.location) out.push(q.location === 'none' ? Prisma.sql`d.location IS NULL` : Prisma.sql`d.location = ${q.location}`);
  if (q.provider) out.push(q.provider === 'none' ? Prisma.sql`d.provider IS NULL` : Prisma.sql`d.provider = ${q.provider}`);
  if (q.team) out.push(Prisma.sql`d."teamId" = ${q.team}::uuid`);
  if (q.avoidable) out.push(Prisma.sql`d.avoidable = ${q.avoidable === 'true'}`);
  if (q.level) out.push(q.level === 'none' ? Prisma.sql`d."appealLevel" IS NULL` : Prisma.sql`d."appealLevel" = ${q.level}`);
  if (q.recovered) out.push(q.recovered === 'true' ? Prisma.sql`d."recoveredCents" > 0` : Prisma.sql`d."recoveredCents" <= 0`);
  if (q.review) out.push(Prisma.sql`d."reviewReason" IS NOT NULL`);
  if (q.risk === 'untouched') out.push(untouchedSql(today));
  if (q.risk === 'at_risk') out.push(Prisma.sql`(${followUpAfterDeadlineSql} OR ${untouchedSql(today)})`);
  return out;
}

/**
 * `covering`: the people the actor covers today (lib/server/team/covering.ts), whose due follow-ups the "mine" view adds.
 * Every condition but the keyset one: the same for each page and for the capped count. An import filter shows
 * exactly what that file created, so it stands in for the view (and its open-only rule), never for the scope.
 */
export function queueWhere(actor: Actor, q: QueueParams, viewName: QueueView, today: IsoDate, covering: readonly string[] = []): Prisma.Sql {
  // Worked denials include those closed in the window (closing one is work): every status unless narrowed.
  // So does the dashboard's history (a period's denials, resolutions or work): it stands in for the view, within reach.
  const worked = q.worked !== undefined || q.by !== undefined || isHistoryQuery(q);
  const parts = q.import
    ? [statusFilter(q.status, null), reachSql(actor), importFilterSql(actor, q.import), ...queueFilters(actor, q, today)]
    : isHistoryQuery(q)
      ? [statusFilter(q.status, null), reachSql(actor), ...queueFilters(actor, q, today)]
      : [statusFilter(q.status, worked ? null : viewName), reachSql(actor), view(actor, viewName, today, covering), ...queueFilters(actor, q, today)];
  return Prisma.join(parts, ' AND ');
}

/** Whether the filters already exclude undated rows (then the deadline sort has no second phase). */
export function requiresDeadline(q: QueueParams, viewName: QueueView): boolean {
  return (viewName === 'deadlines' && !q.import) || (q.due !== undefined && q.due !== 'none');
}

export interface SortPlan {
  /** ORDER BY matching a keyset index column for column, direction for direction. */
  orderBy: Prisma.Sql;
  /** The condition that starts after the cursor row (or TRUE on the first page). */
  after: Prisma.Sql;
  /** Extra condition of this phase (the deadline sort's dated / undated halves). */
  phase: Prisma.Sql;
}

/** The ORDER BY and keyset condition of one sort. Row comparisons need every column in one direction. */
export function sortPlan(sort: QueueSort, cursor: QueueCursor | null, undatedPhase = false): SortPlan {
  const TRUE = Prisma.sql`TRUE`;
  switch (sort) {
    case 'score':
      return {
        orderBy: Prisma.sql`d.score DESC, d.id DESC`,
        after: cursor?.s === 'score' ? Prisma.sql`(d.score, d.id) < (${cursor.v}::float8, ${cursor.id}::uuid)` : TRUE,
        phase: TRUE,
      };
    case 'amount':
      return {
        orderBy: Prisma.sql`d."deniedCents" DESC, d.id DESC`,
        after: cursor?.s === 'amount' ? Prisma.sql`(d."deniedCents", d.id) < (${cursor.v}::bigint, ${cursor.id}::uuid)` : TRUE,
        phase: TRUE,
      };
    case 'age':
      return {
        orderBy: Prisma.sql`d."openedAt" ASC, d.id ASC`,
        after: cursor?.s === 'age' ? Prisma.sql`(d."openedAt", d.id) > (${cursor.v}::timestamptz, ${cursor.id}::uuid)` : TRUE,
        phase: TRUE,
      };
    case 'deadline': {
      if (undatedPhase) {
        return {
          orderBy: Prisma.sql`d."deadlineDate" ASC, d.id ASC`,
          after: cursor?.s === 'deadline' && cursor.v === null ? Prisma.sql`d.id > ${cursor.id}::uuid` : TRUE,
          phase: Prisma.sql`d."deadlineDate" IS NULL`,
        };
      }
      return {
        orderBy: Prisma.sql`d."deadlineDate" ASC, d.id ASC`,
        after:
          cursor?.s === 'deadline' && cursor.v !== null
            ? Prisma.sql`(d."deadlineDate", d.id) > (${cursor.v}::date, ${cursor.id}::uuid)`
            : TRUE,
        phase: Prisma.sql`d."deadlineDate" IS NOT NULL`,
      };
    }
  }
}
