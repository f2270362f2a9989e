import 'server-only';
import { isDenialCategory } from '@/lib/domain/codes';
import type { IsoDate } from '@/lib/domain/dates';
import { type DenialDeadlines, denialDeadlines } from '@/lib/domain/denial-deadline';
import { parseAppealLevel } from '@/lib/domain/appeal-levels';
import { type DenialStatus } from '@/lib/domain/lifecycle';
import { defaultPayerRules } from '@/lib/domain/payer-rules';
import { type Priority, computePriority } from '@/lib/domain/priority';
import type { Db, Tx } from '../db';
import { type ScoringContext, outcomeKey } from './scoring-context';

/** The inputs of one denial's score, as read from the database. */
export interface ScoreInput {
  id: string;
  version: number;
  payerId: string;
  category: string;
  deniedCents: bigint;
  status: DenialStatus;
  appealable: boolean;
  appealLevel: string | null;
  noticeDate: IsoDate | null;
  serviceDate: IsoDate | null;
  lastDecisionDate: IsoDate | null;
  followUpDate: IsoDate | null;
}

export interface Scored {
  id: string;
  version: number;
  priority: Priority;
  deadlines: DenialDeadlines;
}

/** Pure given the context: the deadline that governs the work and the score with its parts. */
export function scoreOne(input: ScoreInput, context: ScoringContext): Scored {
  const rules = context.rules.get(input.payerId) ?? defaultPayerRules('commercial');
  const deadlines = denialDeadlines(rules, {
    status: input.status,
    appealable: input.appealable,
    appealLevel: parseAppealLevel(input.appealLevel),
    noticeDate: input.noticeDate,
    serviceDate: input.serviceDate,
    lastDecisionDate: input.lastDecisionDate,
  });
  const working = deadlines.working;
  const priority = computePriority({
    deniedAmountCents: Number(input.deniedCents),
    category: isDenialCategory(input.category) ? input.category : 'other',
    appealable: working ? working.kind !== 'timely_filing' : true,
    outcomes: context.outcomes.get(outcomeKey(input.payerId, input.category)) ?? null,
    appealDueDate: working && working.kind !== 'timely_filing' ? working.dueDate : null,
    timelyFilingDueDate: working?.kind === 'timely_filing' ? working.dueDate : null,
    today: context.today,
    waiting: deadlines.waiting ? { reason: deadlines.waitingReason ?? 'waiting', followUpDate: input.followUpDate } : null,
    warningWindowDays: rules.warningWindowDays,
  });
  return { id: input.id, version: input.version, priority, deadlines };
}

/** The score inputs of the given denials (the latest appeal decision dates the next level's window). */
export function readScoreInputs(client: Db | Tx, ids: string[]): Promise<ScoreInput[]> {
  return client.$queryRaw<ScoreInput[]>`
    SELECT d.id, d.version, d."payerId", d.category, d."deniedCents", d.status::text AS status, d.appealable,
           d."appealLevel", d."noticeDate"::text AS "noticeDate", d."serviceDate"::text AS "serviceDate",
           (SELECT max(a."decidedAt")::text FROM appeal a WHERE a."denialId" = d.id) AS "lastDecisionDate",
           d."followUpDate"::text AS "followUpDate"
    FROM denial d WHERE d.id = ANY(${ids}::uuid[])`;
}

/**
 * Writes scores, parts, explanation and the working deadline in one statement. A row whose version moved
 * since its inputs were read is left alone: the edit that moved it rescored it in its own transaction.
 * Scoring is not an edit, so it does not bump the version (an open page stays current).
 */
export async function writeScores(client: Db | Tx, scored: Scored[]): Promise<number> {
  if (scored.length === 0) return 0;
  const col = <T>(f: (s: Scored) => T) => scored.map(f);
  return client.$executeRaw`
    UPDATE denial d SET
      score = u.score, "scoreLikelihood" = u.likelihood, "scoreUrgency" = u.urgency, "scoreEffort" = u.effort,
      "scoreExplanation" = u.explanation, "deadlineDate" = u.deadline, "deadlineKind" = u.kind, "scoredAt" = now()
    FROM unnest(
      ${col((s) => s.id)}::uuid[], ${col((s) => s.version)}::int[], ${col((s) => s.priority.score)}::float8[],
      ${col((s) => s.priority.parts.likelihood)}::float8[], ${col((s) => s.priority.parts.urgency)}::float8[],
      ${col((s) => s.priority.parts.effort)}::float8[], ${col((s) => s.priority.explanation)}::text[],
      ${col((s) => s.deadlines.working?.dueDate ?? null)}::date[], ${col((s) => s.deadlines.working?.kind ?? null)}::text[]
    ) AS u(id, version, score, likelihood, urgency, effort, explanation, deadline, kind)
    WHERE d.id = u.id AND d.version = u.version`;
}

/** Rescores the given denials now (used inside an edit's transaction when an input of the score changed). */
export async function scoreDenials(client: Db | Tx, ids: string[], context: ScoringContext): Promise<number> {
  const inputs = await readScoreInputs(client, ids);
  return writeScores(client, inputs.map((input) => scoreOne(input, context)));
}
