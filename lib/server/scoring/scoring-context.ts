import 'server-only';
import type { IsoDate } from '@/lib/domain/dates';
import type { PayerDeadlineRules } from '@/lib/domain/payer-rules';
import type { OutcomeCounts } from '@/lib/domain/priority';
import { effectivePayerRules } from '@/lib/domain/stored-payer-rules';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Db, Tx } from '../db';

/** Everything a score needs besides the denial: its payer's rules and this organisation's outcomes. */
export interface ScoringContext {
  today: IsoDate;
  rules: Map<string, PayerDeadlineRules>;
  /** Keyed `${payerId}|${category}`. */
  outcomes: Map<string, OutcomeCounts>;
}

export const outcomeKey = (payerId: string, category: string) => `${payerId}|${category}`;

export async function loadPayerRules(client: Db | Tx, payerIds?: string[]): Promise<Map<string, PayerDeadlineRules>> {
  const payers = await client.payer.findMany({
    where: payerIds ? { id: { in: payerIds } } : undefined,
    include: { deadlineRules: true },
  });
  return new Map(
    payers.map((p) => [
      p.id,
      effectivePayerRules({
        payerType: p.payerType,
        timelyFilingDays: p.timelyFilingDays,
        timelyFilingMonths: p.timelyFilingMonths,
        warningWindowDays: p.warningWindowDays,
        rollWeekendDeadlines: p.rollWeekendDeadlines,
        levels: p.deadlineRules,
      }),
    ]),
  );
}

/**
 * Resolved denials per payer × category: recovered = paid in full or in part; written off = not. This is
 * the organisation's own evidence, which priority.ts blends with the category prior while it is thin.
 */
export async function loadOutcomes(client: Db | Tx, payerIds?: string[]): Promise<Map<string, OutcomeCounts>> {
  const onlyPayers = payerIds ? Prisma.sql`AND "payerId" = ANY(${payerIds}::uuid[])` : Prisma.empty;
  const rows = await client.$queryRaw<{ payerId: string; category: string; recovered: number; resolved: number }[]>`
    SELECT "payerId", category,
           count(*) FILTER (WHERE status IN ('resolved_paid', 'resolved_partial'))::int AS recovered,
           count(*)::int AS resolved
    FROM denial
    WHERE status IN ('resolved_paid', 'resolved_partial', 'written_off') ${onlyPayers}
    GROUP BY 1, 2`;
  return new Map(rows.map((r) => [outcomeKey(r.payerId, r.category), { recoveredCount: r.recovered, resolvedCount: r.resolved }]));
}

export async function loadScoringContext(client: Db | Tx, today: IsoDate, payerIds?: string[]): Promise<ScoringContext> {
  // One after the other: inside a transaction both share a single connection.
  const rules = await loadPayerRules(client, payerIds);
  const outcomes = await loadOutcomes(client, payerIds);
  return { today, rules, outcomes };
}
