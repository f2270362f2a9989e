import 'server-only';
import type { ResolvedDenial } from '@/lib/domain/backtest/history';
import { isDenialCategory } from '@/lib/domain/codes';
import { type IsoDate, addDays } from '@/lib/domain/dates';
import { denialDeadlines } from '@/lib/domain/denial-deadline';
import { type PayerDeadlineRules, defaultPayerRules } from '@/lib/domain/payer-rules';
import type { Actor } from '@/lib/domain/permissions';
import { Prisma } from '@/lib/generated/prisma/client';
import { startOfDay, todayIso } from '../clock';
import { db } from '../db';
import { reachSql } from '../denials/queue-sql';
import { loadPayerRules } from '../scoring/scoring-context';
import { query } from '../sql';

/** Resolved, written exactly as denial_resolved_opened_idx's predicate (schema.prisma) so the planner uses it. */
const RESOLVED = Prisma.sql`d.status = ANY (ARRAY['resolved_paid'::"DenialStatus", 'resolved_partial'::"DenialStatus", 'written_off'::"DenialStatus"])`;

interface Row {
  id: string;
  payerId: string;
  category: string;
  appealable: boolean;
  openedAt: Date;
  resolvedAt: Date | null;
  updatedAt: Date;
  deniedCents: string;
  recoveredCents: string;
  noticeDate: string | null;
  serviceDate: string | null;
  deadlineDate: string | null;
}

/**
 * The resolved denials (paid, partly paid, written off) opened in the period within the manager's reach: the most
 * recently opened `limit`, in one statement walking denial_resolved_opened_idx backwards. Only what the replay
 * needs is read; no patient.
 *
 * The deadline is the first one the denial faced (appeal level 1, or timely filing when not appealable), from its
 * payer's rules and dates as they are now: the stored deadline moves on as appeals are filed (and is cleared while
 * one is with the payer), so it is only the fallback when the rules cannot date it.
 */
export async function loadResolvedHistory(actor: Actor, period: { from: IsoDate; to: IsoDate }, limit: number): Promise<{ history: ResolvedDenial[]; truncated: boolean }> {
  const rows = await query<Row>(Prisma.sql`
    SELECT d.id, d."payerId", d.category, d.appealable, d."openedAt", d."resolvedAt", d."updatedAt",
           d."deniedCents"::text AS "deniedCents", d."recoveredCents"::text AS "recoveredCents",
           d."noticeDate"::text AS "noticeDate", d."serviceDate"::text AS "serviceDate", d."deadlineDate"::text AS "deadlineDate"
    FROM denial d
    WHERE ${RESOLVED}
      AND d."openedAt" >= ${startOfDay(period.from)} AND d."openedAt" < ${startOfDay(addDays(period.to, 1))}
      AND ${reachSql(actor)}
    ORDER BY d."openedAt" DESC, d.id DESC
    LIMIT ${limit + 1}`);
  const truncated = rows.length > limit;
  const kept = truncated ? rows.slice(0, limit) : rows;
  const rules = await loadPayerRules(db, [...new Set(kept.map((r) => r.payerId))]);
  // Denials of one remittance share their dates: each payer × dates is dated once (5,000 rows cost ~90 ms otherwise).
  const firstDeadlines = new Map<string, IsoDate | null>();
  const firstDeadline = (r: Row, payerRules: PayerDeadlineRules): IsoDate | null => {
    const key = `${r.payerId}|${r.appealable}|${r.noticeDate}|${r.serviceDate}`;
    const known = firstDeadlines.get(key);
    if (known !== undefined) return known;
    const input = { status: 'new' as const, appealable: r.appealable, appealLevel: null, noticeDate: r.noticeDate, serviceDate: r.serviceDate, lastDecisionDate: null };
    const due = denialDeadlines(payerRules, input).working?.dueDate ?? null;
    firstDeadlines.set(key, due);
    return due;
  };
  const history = kept.map((r): ResolvedDenial => {
    const payerRules = rules.get(r.payerId) ?? defaultPayerRules('commercial');
    return {
      id: r.id,
      payerId: r.payerId,
      category: isDenialCategory(r.category) ? r.category : 'other',
      appealable: r.appealable,
      openedOn: todayIso(r.openedAt),
      resolvedOn: todayIso(r.resolvedAt ?? r.updatedAt),
      deadline: firstDeadline(r, payerRules) ?? r.deadlineDate,
      amountCents: Number(r.deniedCents),
      // Paid beyond the denied amount is owed back (overpaidCents), never recovered: recoveredCents excludes it.
      recoveredCents: Number(r.recoveredCents),
      warningWindowDays: payerRules.warningWindowDays,
    };
  });
  return { history, truncated };
}
