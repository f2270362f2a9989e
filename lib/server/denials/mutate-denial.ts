import 'server-only';
import type { IsoDate } from '@/lib/domain/dates';
import { type Action, type Actor, can, roleMay } from '@/lib/domain/permissions';
import type { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { todayIso } from '../clock';
import { db, type Tx } from '../db';
import { type Failure, type Result, fail } from '../errors';
import { loadScoringContext } from '../scoring/scoring-context';
import { scoreDenials } from '../scoring/score-denials';
import { outcomeOf } from '@/lib/domain/outcome';
import { UNDO_WINDOW_MS } from '@/lib/domain/undo';
import { DENIAL_NOT_FOUND } from './denial-ref';
import { undoRecordOf } from './undo-record';
import { closeEscalationsOfClosedDenials } from '../escalations/close-escalations';
import { type DenialStateDto, deadlineDto, isoDate } from './dto';

// Every edit of a denial goes through here: read it, check the actor may do this to it, let the operation
// decide the change from the domain rules, then write with `WHERE id = ? AND version = ?` (version + 1)
// together with its timeline event(s) and audit event, in one transaction. Concurrent edits from the same
// version: the row lock makes the losers re-check the WHERE after the winner commits, find the version
// moved, update nothing, and get a conflict with the fresh state — never a silent overwrite.

export const DENIAL_STATE_SELECT = {
  id: true,
  version: true,
  status: true,
  appealLevel: true,
  ownerId: true,
  teamId: true,
  followUpDate: true,
  escalated: true,
  deniedCents: true,
  recoveredCents: true,
  overpaidCents: true,
  resolvedAt: true,
  score: true,
  scoreLikelihood: true,
  deadlineDate: true,
  deadlineKind: true,
  updatedAt: true,
  payerId: true,
  category: true,
  appealable: true,
  owner: { select: { id: true, name: true } },
} satisfies Prisma.DenialSelect;

export type DenialRecord = Prisma.DenialGetPayload<{ select: typeof DENIAL_STATE_SELECT }> & { payer: { warningWindowDays: number } };

/**
 * The denial as an edit sees it, with its payer's warning window. The payer is read by id: denial has no Prisma
 * relation to it, its link being checked by a trigger (docs/decisions/0004-denial-link-checks.md).
 */
export async function readDenialState(tx: Tx, id: string): Promise<DenialRecord | null> {
  const denial = await tx.denial.findUnique({ where: { id }, select: DENIAL_STATE_SELECT });
  if (!denial) return null;
  const payer = await tx.payer.findUniqueOrThrow({ where: { id: denial.payerId }, select: { warningWindowDays: true } });
  return { ...denial, payer };
}

export function toDenialState(d: DenialRecord, today: IsoDate): DenialStateDto {
  return {
    id: d.id,
    version: d.version,
    status: d.status,
    appealLevel: d.appealLevel,
    owner: d.owner ? { id: d.owner.id, name: d.owner.name } : null,
    teamId: d.teamId,
    followUpDate: isoDate(d.followUpDate),
    escalated: d.escalated,
    deniedCents: Number(d.deniedCents),
    score: d.score,
    scoreLikelihood: d.scoreLikelihood,
    deadline: deadlineDto(isoDate(d.deadlineDate), d.deadlineKind, today, d.payer.warningWindowDays),
    updatedAt: d.updatedAt.toISOString(),
    outcome: outcomeOf({ status: d.status, deniedCents: Number(d.deniedCents), recoveredCents: Number(d.recoveredCents), overpaidCents: Number(d.overpaidCents), resolvedAt: d.resolvedAt?.toISOString() ?? null }),
  };
}

export interface DenialChange {
  data: Omit<Prisma.DenialUncheckedUpdateManyInput, 'version' | 'id'>;
  events: { type: string; note?: string | null; data?: Prisma.InputJsonValue }[];
  audit: { action: string; details?: Prisma.InputJsonValue };
  /** An input of the score changed (status, appeal level, amount, follow-up date): rescore in the same transaction. */
  rescore?: boolean;
  /** Rows beside the denial (appeal, write-off), written after the versioned update succeeded. */
  after?: (tx: Tx) => Promise<void>;
  /**
   * Its author may undo it for a short while (lib/domain/undo.ts): the first event keeps the state it replaced,
   * and the result names that event.
   */
  undoable?: boolean;
}

export interface MutationContext {
  tx: Tx;
  today: IsoDate;
}

export type Plan = (denial: DenialRecord, ctx: MutationContext) => Promise<DenialChange | Failure> | DenialChange | Failure;

/** What the client read: the id and the version its edit is based on. */
export interface DenialRef {
  id: string;
  version: number;
}

/** The refusal of a stale edit: who changed it, and the fresh state for the client to show. */
export async function denialConflict(tx: Tx, id: string, today: IsoDate): Promise<Failure> {
  const fresh = await readDenialState(tx, id);
  const last = await tx.denialEvent.findFirst({
    where: { denialId: id },
    orderBy: { createdAt: 'desc' },
    select: { actor: { select: { name: true } } },
  });
  const who = last?.actor?.name ?? 'Someone else';
  return fail('conflict', `${who} changed this denial while you were working on it. Your change was not saved: the latest version is shown — check it and try again.`, {
    details: { current: fresh ? toDenialState(fresh, today) : null },
  });
}

export async function mutateDenial(
  actor: Actor,
  ref: DenialRef,
  action: Action,
  plan: Plan,
  today: IsoDate = todayIso(),
): Promise<Result<DenialStateDto>> {
  // A role without the action learns nothing about the denial; one outside the actor's reach reads as missing.
  if (!roleMay(actor.role, action)) return fail('forbidden', 'Your role does not allow this change.');
  return db.$transaction(
    async (tx) => {
      const denial = await readDenialState(tx, ref.id);
      if (!denial || !can(actor, 'view_denial', denial)) return fail('not_found', DENIAL_NOT_FOUND);
      if (denial.version !== ref.version) return denialConflict(tx, ref.id, today);
      if (!can(actor, action, denial)) return fail('forbidden', 'Your role does not allow this change to this denial.');

      const change = await plan(denial, { tx, today });
      if ('ok' in change) return change;

      const { count } = await tx.denial.updateMany({
        where: { id: ref.id, version: ref.version },
        data: { ...change.data, version: { increment: 1 } },
      });
      if (count === 0) return denialConflict(tx, ref.id, today);

      await change.after?.(tx);
      // Closing an escalated denial (paid, written off) ends its open escalation too: nobody is left waiting on it.
      if (denial.escalated && change.data.escalated === false) await closeEscalationsOfClosedDenials(tx, actor, [ref.id]);
      let undo: DenialStateDto['undo'] = null;
      for (const [i, event] of change.events.entries()) {
        const keep = change.undoable && i === 0 ? { undo: { ...undoRecordOf(denial) } } : {};
        const created = await tx.denialEvent.create({
          data: { denialId: ref.id, actorId: actor.id, type: event.type, note: event.note ?? null, data: { ...(event.data as object), ...keep } },
          select: { id: true, createdAt: true },
        });
        if (i === 0 && change.undoable) undo = { eventId: created.id, until: new Date(created.createdAt.getTime() + UNDO_WINDOW_MS).toISOString() };
      }
      await audit(actor, { action: change.audit.action, entityType: 'denial', entityId: ref.id, details: change.audit.details ?? {} }, tx);
      if (change.rescore) {
        await scoreDenials(tx, [ref.id], await loadScoringContext(tx, today, [denial.payerId]));
      }
      const fresh = await tx.denial.findUniqueOrThrow({ where: { id: ref.id }, select: DENIAL_STATE_SELECT });
      // A denial's payer never changes (a trigger refuses it: docs/decisions/0004), so the one read above stands.
      return { ok: true as const, data: { ...toDenialState({ ...fresh, payer: denial.payer }, today), ...(undo ? { undo } : {}) } };
    },
    // Up to 20 people may save at once on a 10-connection pool: wait for a connection rather than fail.
    { maxWait: 15_000, timeout: 20_000 },
  );
}
