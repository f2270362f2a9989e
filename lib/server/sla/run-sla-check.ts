import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { IsoDate } from '@/lib/domain/dates';
import { SLA_RULES, type SlaMeasure, type SlaRule, type SlaSettings, slaReason } from '@/lib/domain/sla';
import { type SystemActor, systemActor } from '../audit';
import { todayIso } from '../clock';
import { db } from '../db';
import { type EscalationRequest, raiseEscalations } from '../escalations/raise-escalations';
import { newId } from '../remits/new-id';
import { type SlaCandidate, slaCandidatesSql } from './sla-candidates';
import { type SlaScope, activeScopes, slaScopes } from './sla-settings';

/** Small enough that one transaction holds a few hundred row locks, not a first run's whole backlog. */
export const SLA_BATCH_SIZE = 500;
/** A run stops after this many batches (500,000 conditions) and the next run carries on. */
const MAX_BATCHES = 1000;

export const SLA_ACTOR: SystemActor = systemActor(null, 'overturn SLA check');

export interface SlaRunResult {
  escalated: number;
  byRule: Record<SlaRule, number>;
}

function measureOf(c: SlaCandidate): SlaMeasure {
  if (c.rule === 'follow_up_overdue') return { rule: c.rule, daysOverdue: c.measure };
  if (c.rule === 'deadline_unworked') return { rule: c.rule, daysToDeadline: c.measure, daysIdle: c.measure2 ?? 0 };
  return { rule: c.rule, hoursUnassigned: c.measure };
}

/** One escalation per denial: its first rule (SLA_RULES order) is the one recorded; the reason names them all. */
function requestsFor(claimed: readonly SlaCandidate[], settingsOf: (teamId: string | null) => SlaSettings): EscalationRequest[] {
  const byDenial = new Map<string, SlaCandidate[]>();
  for (const c of claimed) byDenial.set(c.denialId, [...(byDenial.get(c.denialId) ?? []), c]);
  return [...byDenial].map(([denialId, rules]) => {
    rules.sort((a, b) => SLA_RULES.indexOf(a.rule) - SLA_RULES.indexOf(b.rule));
    return {
      denialId,
      reason: rules.map((c) => slaReason(measureOf(c), settingsOf(c.teamId))).join('; '),
      slaRule: rules[0]!.rule,
    };
  });
}

/** One batch in one transaction: claim the conditions (sla_firing), then escalate the denials claimed. */
async function runBatch(scopes: readonly SlaScope[], today: IsoDate, now: Date, batchSize: number): Promise<{ seen: number; escalated: EscalationRequest[] }> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<SlaCandidate[]>(Prisma.sql`SELECT * FROM (${slaCandidatesSql(scopes, today, now)}) c LIMIT ${batchSize}`);
    if (rows.length === 0) return { seen: 0, escalated: [] };
    // The claim is the idempotence: a second process running the same batch waits on these unique keys and then
    // inserts nothing, so each condition escalates once. Sorted, so two claimers never wait on each other in a cycle.
    rows.sort((a, b) => (a.denialId === b.denialId ? a.rule.localeCompare(b.rule) : a.denialId < b.denialId ? -1 : 1));
    const claims = await tx.$queryRaw<{ id: string; denialId: string; rule: string }[]>(Prisma.sql`
      INSERT INTO sla_firing (id, "denialId", rule, instance)
      SELECT * FROM unnest(${rows.map(() => newId())}::uuid[], ${rows.map((r) => r.denialId)}::uuid[], ${rows.map((r) => r.rule)}::text[], ${rows.map((r) => r.instance)}::text[])
      ON CONFLICT ("denialId", rule, instance) DO NOTHING
      RETURNING id, "denialId", rule`);
    const claimed = new Set(claims.map((k) => `${k.denialId}/${k.rule}`));
    const settings = new Map(scopes.map((s) => [s.teamId, s.settings]));
    const requests = requestsFor(
      rows.filter((r) => claimed.has(`${r.denialId}/${r.rule}`)),
      (teamId) => settings.get(teamId)!,
    );
    const opened = await raiseEscalations(tx, SLA_ACTOR, requests);
    if (opened.length > 0) {
      await tx.$executeRaw(Prisma.sql`
        UPDATE sla_firing f SET "escalationId" = o.id
          FROM unnest(${opened.map((o) => o.id)}::uuid[], ${opened.map((o) => o.denialId)}::uuid[]) AS o(id, "denialId")
         WHERE f."denialId" = o."denialId" AND f.id = ANY(${claims.map((c) => c.id)}::uuid[])`);
    }
    const openedFor = new Set(opened.map((o) => o.denialId));
    return { seen: rows.length, escalated: requests.filter((r) => openedFor.has(r.denialId)) };
  });
}

/**
 * The SLA job (pg-boss, every 15 minutes; lib/server/scoring/jobs.ts): escalates every open, not-yet-escalated
 * denial that meets an enabled rule of its team's SLA, with a system actor and the rule named, in batches of
 * SLA_BATCH_SIZE, each its own transaction. Safe to run twice or from two processes at once: a condition is
 * claimed in sla_firing before it escalates, and a condition that fired once never fires again (a manager who
 * resolves the escalation while it still holds is not asked again every run); a new occurrence does.
 */
export async function runSlaCheck(
  options: { today?: IsoDate; now?: Date; batchSize?: number; /** Only these scopes (a team manager's Run now); all when absent. */ only?: (teamId: string | null) => boolean } = {},
): Promise<SlaRunResult> {
  const now = options.now ?? new Date();
  const today = options.today ?? todayIso(now);
  const batchSize = options.batchSize ?? SLA_BATCH_SIZE;
  const result: SlaRunResult = { escalated: 0, byRule: { follow_up_overdue: 0, deadline_unworked: 0, unassigned: 0 } };
  const scopes = activeScopes(await slaScopes(db)).filter((s) => options.only?.(s.teamId) ?? true);
  if (scopes.length === 0) return result;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const { seen, escalated } = await runBatch(scopes, today, now, batchSize);
    for (const r of escalated) result.byRule[r.slaRule as SlaRule]++;
    result.escalated += escalated.length;
    // Everything seen was claimed (here or by another process) and drops out of the next batch's statement.
    if (seen < batchSize) break;
  }
  return result;
}
