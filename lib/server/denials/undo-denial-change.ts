import 'server-only';
import { z } from 'zod';
import type { Actor } from '@/lib/domain/permissions';
import { type UndoRecord, undoRefusal } from '@/lib/domain/undo';
import { type Result, fail } from '../errors';
import { todayIso } from '../clock';
import { denialRef } from './denial-ref';
import type { DenialStateDto } from './dto';
import { mutateDenial } from './mutate-denial';
import { escalationClosedWithDenial, reopenEscalation } from '../escalations/close-escalations';

export const undoDenialChangeInput = z.object({
  ...denialRef,
  /** The timeline event of the change to undo (returned by the change as `undo.eventId`). */
  eventId: z.uuid(),
});
export type UndoDenialChangeInput = z.infer<typeof undoDenialChangeInput>;

const dateOrNull = (iso: string | null) => (iso === null ? null : new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso));

/**
 * Puts the denial back as it was before its author's last change (a status change, "corrected & resubmitted",
 * a write-off made at once), within the undo window and only while nothing else changed it since. The change
 * and its undo both stay on the timeline; a write-off undone is kept as withdrawn.
 */
export async function undoDenialChange(actor: Actor, input: UndoDenialChangeInput, now: Date = new Date()): Promise<Result<DenialStateDto>> {
  return mutateDenial(
    actor,
    input,
    'edit_denial',
    async (denial, { tx }) => {
      const event = await tx.denialEvent.findFirst({ where: { id: input.eventId, denialId: denial.id }, select: { id: true, type: true, actorId: true, createdAt: true, data: true } });
      if (!event) return fail('not_found', 'That change is not on this denial’s timeline.');
      const data = (event.data ?? {}) as { undo?: UndoRecord; writeOffId?: string };
      const record = data.undo ?? null;
      const undone = (await tx.denialEvent.count({ where: { denialId: denial.id, type: 'undone', data: { path: ['eventId'], equals: event.id } } })) > 0;
      const refusal = undoRefusal({ record, eventActorId: event.actorId, eventAt: event.createdAt, undone, actorId: actor.id, currentVersion: denial.version, now });
      if (refusal || !record) return fail('invalid_input', refusal ?? 'This change cannot be undone.');
      // Undoing a closing that ended an escalation puts the escalation back too; without it the flag stays off.
      const escalation = record.escalated ? await escalationClosedWithDenial(tx, denial.id) : null;
      return {
        data: {
          status: record.status as typeof denial.status,
          appealLevel: record.appealLevel,
          followUpDate: dateOrNull(record.followUpDate),
          recoveredCents: BigInt(record.recoveredCents),
          resolvedAt: dateOrNull(record.resolvedAt),
          escalated: escalation !== null,
        },
        events: [{ type: 'undone', data: { eventId: event.id, undid: event.type, from: denial.status, to: record.status } }],
        audit: { action: 'denial.undo', details: { eventId: event.id, from: denial.status, to: record.status } },
        rescore: true,
        after: async (t) => {
          if (escalation) await reopenEscalation(t, escalation);
          if (event.type === 'write_off' && data.writeOffId) {
            await t.writeOff.update({ where: { id: data.writeOffId }, data: { status: 'withdrawn', decisionNote: 'Undone by the requester' } });
          }
        },
      };
    },
    todayIso(now),
  );
}
