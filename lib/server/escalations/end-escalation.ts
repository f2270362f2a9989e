import 'server-only';
import { ESCALATION_OUTCOME_VERB, type EscalationEnd } from '@/lib/domain/escalations/handling';
import type { Actor } from '@/lib/domain/permissions';
import { audit } from '../audit';
import type { Tx } from '../db';
import { type Failure, fail } from '../errors';
import { type DenialRecord, readDenialState } from '../denials/mutate-denial';

export const ESCALATION_NOT_FOUND = 'This escalation does not exist.';

export interface OpenEscalation {
  id: string;
  status: string;
  denialId: string;
  raisedById: string | null;
}

/** An escalation with its denial as an edit sees it (null when either is missing). */
export async function readEscalation(tx: Tx, id: string): Promise<{ escalation: OpenEscalation; denial: DenialRecord } | null> {
  const escalation = await tx.escalation.findUnique({ where: { id }, select: { id: true, status: true, denialId: true, raisedById: true } });
  const denial = escalation ? await readDenialState(tx, escalation.denialId) : null;
  return escalation && denial ? { escalation, denial } : null;
}

/** The refusal when someone else ended it first: who, and how. */
export async function alreadyEnded(tx: Tx, id: string): Promise<Failure> {
  const row = await tx.escalation.findUnique({ where: { id }, select: { status: true, handledBy: { select: { name: true } } } });
  const who = row?.handledBy?.name ?? 'Someone else';
  const how = row && row.status !== 'open' ? (ESCALATION_OUTCOME_VERB[row.status as EscalationEnd] ?? row.status) : 'handled';
  return fail('conflict', `This escalation was already ${how} by ${who}. Nothing was changed: reload to see what they decided.`);
}

/**
 * Ends an open escalation: the row changes only while still open (a second hand at the same moment waits on the
 * row lock, finds it ended and gets the conflict); the denial's flag clears and its version moves (an edit based
 * on the escalated state is then stale), with one timeline event and one audit event. A reassignment also moves
 * the denial to its new owner and their team. Returns the conflict, or null when it ended it.
 */
export async function endEscalation(
  tx: Tx,
  actor: Actor,
  { escalation, denial }: { escalation: OpenEscalation; denial: DenialRecord },
  end: EscalationEnd,
  note: string,
  target: { id: string; name: string; teamId: string | null; status: DenialRecord['status'] } | null = null,
): Promise<Failure | null> {
  const { count } = await tx.escalation.updateMany({
    where: { id: escalation.id, status: 'open' },
    data: { status: end, handledById: actor.id, handledAt: new Date(), handledNote: note },
  });
  if (count === 0) return alreadyEnded(tx, escalation.id);
  await tx.denial.update({
    where: { id: denial.id },
    data: {
      escalated: false,
      escalatedAt: null,
      version: { increment: 1 },
      // The denial joins its new owner's team, so the team queue follows the work (as assign-denial.ts).
      ...(target ? { ownerId: target.id, teamId: target.teamId ?? denial.teamId, status: target.status } : {}),
    },
  });
  const from = denial.owner ? { id: denial.owner.id, name: denial.owner.name } : null;
  const moved = target
    ? { from, to: { id: target.id, name: target.name }, ...(target.status !== denial.status ? { status: { from: denial.status, to: target.status } } : {}) }
    : {};
  await tx.denialEvent.create({
    data: { denialId: denial.id, actorId: actor.id, type: 'escalation_handled', note, data: { escalationId: escalation.id, outcome: end, ...moved } },
  });
  await audit(actor, { action: 'escalation.handle', entityType: 'denial', entityId: denial.id, details: { escalationId: escalation.id, outcome: end, to: target?.id ?? null } }, tx);
  return null;
}
