import 'server-only';
import { z } from 'zod';
import { setEscalation } from '@/lib/domain/lifecycle';
import { type Actor, can, roleMay } from '@/lib/domain/permissions';
import { Prisma } from '@/lib/generated/prisma/client';
import { todayIso } from '../clock';
import { db } from '../db';
import { type Result, fail } from '../errors';
import { DENIAL_NOT_FOUND, denialRef } from '../denials/denial-ref';
import type { DenialStateDto } from '../denials/dto';
import { denialConflict, readDenialState, toDenialState } from '../denials/mutate-denial';
import { escalationText } from './escalation-text';
import { raiseEscalations } from './raise-escalations';

export const escalateDenialInput = z.object({
  ...denialRef,
  /** What the manager must know or decide: required, it heads their escalation queue. */
  reason: escalationText('why you escalate it'),
});
export type EscalateDenialInput = z.infer<typeof escalateDenialInput>;

/**
 * A specialist (or manager) escalates a denial in their reach to its team's managers, with a reason. Like every
 * edit it is based on the version the person saw (stale → 409 with the fresh state); the escalation itself —
 * the row, the flag, the timeline, the audit and the managers' notifications — is raiseEscalations', shared with
 * the SLA job.
 */
export async function escalateDenial(actor: Actor, input: EscalateDenialInput, today = todayIso()): Promise<Result<DenialStateDto>> {
  if (!roleMay(actor.role, 'escalate')) return fail('forbidden', 'Your role does not allow escalating denials.');
  return db.$transaction(
    async (tx) => {
      // Held until commit, so no edit slips between the version check and the escalation's own version bump.
      await tx.$executeRaw(Prisma.sql`SELECT 1 FROM denial WHERE id = ${input.id}::uuid FOR UPDATE`);
      const denial = await readDenialState(tx, input.id);
      if (!denial || !can(actor, 'view_denial', denial)) return fail('not_found', DENIAL_NOT_FOUND);
      if (denial.version !== input.version) return denialConflict(tx, input.id, today);
      if (!can(actor, 'escalate', denial)) return fail('forbidden', 'Your role does not allow escalating this denial.');
      const allowed = setEscalation({ status: denial.status, appealLevel: null, escalated: denial.escalated }, true);
      if (!allowed.ok) return fail('invalid_input', allowed.reason);

      const opened = await raiseEscalations(tx, actor, [{ denialId: input.id, reason: input.reason }]);
      // Only an escalation opened since the read (the unique open index) leaves nothing to open.
      if (opened.length === 0) return denialConflict(tx, input.id, today);
      const fresh = await readDenialState(tx, input.id);
      return { ok: true as const, data: toDenialState(fresh!, today) };
    },
    { maxWait: 15_000, timeout: 20_000 },
  );
}
