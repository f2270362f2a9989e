import 'server-only';
import { type AppealLevel, parseAppealLevel } from '@/lib/domain/appeal-levels';
import { type AppealDecision, type AppealMethod, type AppealStep, APPEAL_DECISIONS, APPEAL_METHODS, type AmountInControversy } from '@/lib/domain/appeals/appeal-chain';
import { effectiveThresholds, statusCheckDays } from '@/lib/domain/appeals/appeal-thresholds';
import type { PayerDeadlineRules, PayerType } from '@/lib/domain/payer-rules';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '../db';
import { isoDate } from '../denials/dto';
import { loadPayerRules } from '../scoring/scoring-context';

// The appeal rows of a denial as the domain's steps, and the payer's appeal rules, read inside the transaction
// that changes them (the denial's version guards both: lib/server/denials/mutate-denial.ts).

export const APPEAL_SELECT = {
  id: true,
  level: true,
  dueDate: true,
  submittedAt: true,
  method: true,
  payerReference: true,
  statusCheckOn: true,
  outcome: true,
  decidedAt: true,
  recoveredCents: true,
  createdAt: true,
} satisfies Prisma.AppealSelect;

export type AppealRow = Prisma.AppealGetPayload<{ select: typeof APPEAL_SELECT }>;

const isMethod = (v: string | null): v is AppealMethod => v !== null && (APPEAL_METHODS as readonly string[]).includes(v);
const isDecision = (v: string | null): v is AppealDecision => v !== null && (APPEAL_DECISIONS as readonly string[]).includes(v);

/**
 * A stored row as the domain's step. Rows filed before appeals had their own screen carry no method (null is
 * read as "mail", the one method that needs nothing recorded) and no status check (30 days after filing).
 */
export function stepOf(row: AppealRow): AppealStep & { level: AppealLevel } {
  const submittedOn = isoDate(row.submittedAt);
  const decidedOn = isoDate(row.decidedAt);
  return {
    level: parseAppealLevel(row.level) ?? 1,
    dueDate: isoDate(row.dueDate),
    submission: submittedOn
      ? {
          on: submittedOn,
          method: isMethod(row.method) ? row.method : 'mail',
          payerReference: row.payerReference,
          statusCheckOn: isoDate(row.statusCheckOn) ?? submittedOn,
        }
      : null,
    outcome: decidedOn && isDecision(row.outcome) ? { decision: row.outcome, on: decidedOn, recoveredCents: Number(row.recoveredCents) } : null,
  };
}

export async function readAppeals(tx: Tx, denialId: string): Promise<AppealRow[]> {
  return tx.appeal.findMany({ where: { denialId }, select: APPEAL_SELECT, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
}

export interface PayerAppealRules {
  payerType: PayerType;
  rules: PayerDeadlineRules;
  thresholds: AmountInControversy[];
  statusCheckDays: number;
}

export async function loadPayerAppealRules(tx: Tx, payerId: string): Promise<PayerAppealRules> {
  const payer = await tx.payer.findUniqueOrThrow({
    where: { id: payerId },
    select: { payerType: true, appealStatusCheckDays: true, deadlineRules: { select: { level: true, minimumAmountCents: true, minimumAmountYear: true } } },
  });
  const rules = (await loadPayerRules(tx, [payerId])).get(payerId)!;
  const stored = payer.deadlineRules.map((r) => ({ ...r, minimumAmountCents: r.minimumAmountCents === null ? null : Number(r.minimumAmountCents) }));
  return {
    payerType: payer.payerType,
    rules,
    thresholds: effectiveThresholds(payer.payerType, stored),
    statusCheckDays: statusCheckDays(payer.payerType, payer.appealStatusCheckDays),
  };
}

export const dateValue = (date: string) => new Date(`${date}T00:00:00Z`);
