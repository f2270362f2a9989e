import 'server-only';
import type { IsoDate } from '@/lib/domain/dates';
import { type DenialStatus, statusAfterAssignment } from '@/lib/domain/lifecycle';
import type { IngestAssigner } from '../assignment/ingest-assigner';
import { applyLaterClaim } from '@/lib/domain/remit-recovery';
import { scoreOne } from '../scoring/score-denials';
import type { ScoringContext } from '../scoring/scoring-context';
import type { ClaimFacts } from './claim-rows';
import { type StoredDenial, claimKey } from './find-latest-denials';
import { newId } from './new-id';
import type { RemitTables } from './remit-tables';

export interface DenialStepContext {
  fileId: string;
  actorId: string | null;
  /** One timestamp for the whole import (updatedAt, scoredAt, resolvedAt). */
  now: string;
  scoring: ScoringContext;
  /** Denials a reversal in this import reopened to its correction (see DenialMoney.reversed). */
  reversed: Set<string>;
  /** The assignment rules, when any is enabled: each new open denial gets its team and owner as it is written. */
  assigner?: IngestAssigner | null;
}

export interface DenialTotals {
  denialsCreated: number;
  recoveriesMatched: number;
  reversalsApplied: number;
}

/** A denial already in the database whose money or status this batch changed. */
export interface DenialUpdate {
  id: string;
  status: DenialStatus;
  recoveredCents: number;
  overpaidCents: number;
  /** Paid while appealed: the payer decided the open appeal in the provider's favour, on this date. */
  appealWonOn: IsoDate | null;
}

interface Tracked extends StoredDenial {
  appealWonOn?: IsoDate | null;
  /** Created in this batch: written whole at the end; otherwise (undefined) updated in place. */
  created?: ClaimFacts;
}

/**
 * Walks the batch's claims in file order: a denied claim with no denial before it becomes a work item; a
 * later claim for a denied one pays, reverses or repeats it (lib/domain/remit-recovery.ts). `stored` is the
 * latest denial already in the database per claim key (findLatestDenials). Adds the new denials, their events
 * and recoveries to the batch, and returns the changes to denials already stored.
 */
export function decideDenials(
  ctx: DenialStepContext,
  tables: RemitTables,
  facts: ClaimFacts[],
  totals: DenialTotals,
  stored: Map<string, StoredDenial>,
): DenialUpdate[] {
  const latest: Map<string, Tracked> = stored;
  const changed = new Map<string, Tracked>();
  const created: Tracked[] = [];
  const nowMs = Date.parse(ctx.now);
  // Rows of one import share its timestamp; each later event on the same denial is stamped a millisecond after
  // the one before, so its timeline reads in file order. Steps are counted for this batch's denials only,
  // starting after the latest event an earlier batch stored: a map of every denial of the file would grow with it.
  const steps = new Map<string, number>();
  for (const s of stored.values()) if (s.lastEventMs !== undefined) steps.set(s.id, Math.max(0, s.lastEventMs - nowMs));
  const later = (denialId: string) => {
    const step = (steps.get(denialId) ?? 0) + 1;
    steps.set(denialId, step);
    return new Date(nowMs + step).toISOString();
  };
  const event = (denialId: string, type: string, note: string | null, data: object, at = later(denialId)) =>
    tables.denialEvent.add([newId(), denialId, ctx.actorId, type, note, JSON.stringify({ fileId: ctx.fileId, ...data }), at]);

  for (const f of facts) {
    const key = f.payerClaimNumber === null ? null : claimKey(f);
    const tracked = key === null ? undefined : latest.get(key);
    if (tracked) {
      tracked.money.reversed ||= ctx.reversed.has(tracked.id);
      const effect = applyLaterClaim(tracked.money, f);
      if (effect.kind === 'payment' || effect.kind === 'reversal') {
        const at = later(tracked.id);
        if (effect.amountCents !== 0) tables.recovery.add([newId(), tracked.id, f.claimId, effect.amountCents, at]);
        event(tracked.id, 'payment', null, {
          claimId: f.claimId,
          amountCents: effect.amountCents,
          recoveredCents: effect.next.recoveredCents,
          overpaidCents: effect.next.overpaidCents,
          from: tracked.money.status,
          to: effect.next.status,
          reversal: effect.kind === 'reversal',
        }, at);
        if (effect.kind === 'payment') totals.recoveriesMatched++;
        else totals.reversalsApplied++;
        if (effect.next.reversed) ctx.reversed.add(tracked.id);
        else ctx.reversed.delete(tracked.id);
        if (tracked.money.status === 'appealed' && effect.kind === 'payment') tracked.appealWonOn = f.noticeDate ?? ctx.scoring.today;
        tracked.money = effect.next;
        if (!tracked.created) changed.set(tracked.id, tracked);
        continue;
      }
      if (effect.kind === 'repeat_denial') {
        event(tracked.id, 'ingested', 'Denied again on a later remittance; no second work item.', { claimId: f.claimId, repeat: true });
        continue;
      }
      if (effect.kind === 'none') continue;
    }
    if (!f.isWork) continue;
    const denial: Tracked = {
      id: newId(),
      money: { status: 'new', deniedCents: f.deniedCents, recoveredCents: 0, overpaidCents: 0, owned: false, reversed: false },
      created: f,
    };
    totals.denialsCreated++;
    event(denial.id, 'ingested', null, { claimId: f.claimId, deniedCents: f.deniedCents, category: f.category, carcCodes: f.carcCodes }, ctx.now);
    if (key !== null) latest.set(key, denial);
    created.push(denial);
  }
  // Written after the walk: a denial paid later in the same batch is stored already resolved.
  for (const denial of created) addDenialRow(ctx, tables, denial, later);
  return [...changed.values()].map((t) => ({
    id: t.id, status: t.money.status, recoveredCents: t.money.recoveredCents, overpaidCents: t.money.overpaidCents, appealWonOn: t.appealWonOn ?? null,
  }));
}

/**
 * The work item, scored as the queue's nightly rescoring would (lib/server/scoring): deadline from its payer's
 * rules, likelihood from this organisation's outcomes for the payer and category.
 */
function addDenialRow(ctx: DenialStepContext, tables: RemitTables, denial: Tracked, later: (denialId: string) => string): void {
  const f = denial.created!;
  const routed = routeNew(ctx, tables, denial, later);
  const { priority, deadlines } = scoreOne(
    {
      id: denial.id,
      version: 0,
      payerId: f.payerId,
      category: f.category,
      deniedCents: BigInt(f.deniedCents),
      status: 'new',
      appealable: f.appealable,
      appealLevel: null,
      noticeDate: f.noticeDate,
      serviceDate: f.serviceDate,
      lastDecisionDate: null,
      followUpDate: null,
    },
    ctx.scoring,
  );
  const { parts } = priority;
  const { status, recoveredCents, overpaidCents } = denial.money;
  const resolvedAt = status === 'resolved_paid' || status === 'resolved_partial' ? ctx.now : null;
  tables.denial.add([
    denial.id, f.claimId, f.payerId, status, f.patientName, f.patientControlNumber, f.payerClaimNumber, f.memberId, f.serviceDate,
    f.noticeDate, f.deniedCents, recoveredCents, f.category, f.department, f.avoidable, f.appealable, f.carcCodes, f.rarcCodes,
    deadlines.working?.dueDate ?? null, deadlines.working?.kind ?? null, priority.score, parts.likelihood, parts.urgency,
    parts.effort, priority.explanation, ctx.now, resolvedAt, ctx.now, overpaidCents, routed?.teamId ?? null, routed?.ownerId ?? null,
  ]);
}

/**
 * The first matching assignment rule's team and owner for a denial still open after the batch (one paid in the
 * same file is nobody's work), with its 'assigned' event, written by the rules rather than the importer.
 */
function routeNew(ctx: DenialStepContext, tables: RemitTables, denial: Tracked, later: (denialId: string) => string) {
  if (!ctx.assigner || denial.money.status !== 'new') return null;
  const f = denial.created!;
  const routed = ctx.assigner.route({
    id: denial.id, payerId: f.payerId, category: f.category, department: f.department, carcCodes: f.carcCodes,
    rarcCodes: f.rarcCodes, deniedCents: f.deniedCents, providerNpi: f.renderingProviderNpi,
  });
  if (!routed) return null;
  const status = statusAfterAssignment('new', routed.ownerId !== null);
  // As stored: a later claim for it finds it owned (a reversal then reopens it to its owner).
  denial.money = { ...denial.money, status, owned: routed.ownerId !== null };
  const data = ctx.assigner.eventData(routed, ctx.fileId, { from: 'new', to: status });
  tables.denialEvent.add([newId(), denial.id, null, 'assigned', null, JSON.stringify(data), later(denial.id)]);
  return routed;
}
