import 'server-only';
import { z } from 'zod';
import { APPEAL_LEVEL_VALUES } from '@/lib/domain/appeal-levels';
import type { BulkUpdateResult } from '@/lib/domain/contracts/denials';
import { isoDateInput } from '@/lib/domain/contracts/dates';
import { DENIAL_STATUSES } from '@/lib/domain/lifecycle';
import { reassignReason } from '@/lib/domain/team/reassign-reason';
import { type Result, fail } from '../errors';
import { assignDenial } from './assign-denial';
import { changeStatus } from './change-status';
import { denialRef } from './denial-ref';
import { type Actor, roleMay } from '@/lib/domain/permissions';
import type { DenialStateDto } from './dto';
import { setFollowUp } from './set-follow-up';

export const bulkUpdateInput = z.object({
  items: z.array(z.object(denialRef)).min(1, 'Select at least one denial').max(200, 'Select at most 200 denials at once'),
  change: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('assign'), assignee: z.union([z.literal('me'), z.uuid(), z.null()]), reason: reassignReason.optional() }),
    z.object({ kind: z.literal('follow_up'), date: isoDateInput().nullable() }),
    z.object({ kind: z.literal('status'), to: z.enum(DENIAL_STATUSES), appealLevel: z.enum(APPEAL_LEVEL_VALUES).optional() }),
  ]),
});
export type BulkUpdateInput = z.infer<typeof bulkUpdateInput>;

/**
 * Applies one change to each selected denial through the same operation a single edit uses — same
 * permission check, version check, timeline and audit event — each in its own transaction, so one stale
 * or refused row is reported without undoing the others.
 */
export async function bulkUpdateDenials(actor: Actor, input: BulkUpdateInput): Promise<Result<BulkUpdateResult>> {
  // Each denial is checked by its own operation; a role that may edit none is refused the whole batch.
  if (!roleMay(actor.role, 'edit_denial')) return fail('forbidden', 'Your role does not allow changing denials.');
  const { change } = input;
  const result: BulkUpdateResult = { updated: [], failed: [] };
  for (const item of input.items) {
    const outcome =
      change.kind === 'assign'
        ? await assignDenial(actor, { ...item, assignee: change.assignee, reason: change.reason })
        : change.kind === 'follow_up'
          ? await setFollowUp(actor, { ...item, date: change.date })
          : await changeStatus(actor, { ...item, to: change.to, appealLevel: change.appealLevel });
    if (outcome.ok) result.updated.push(outcome.data);
    else {
      const current = (outcome.details as { current?: DenialStateDto | null } | undefined)?.current;
      result.failed.push({ id: item.id, code: outcome.code, message: outcome.message, ...(current !== undefined ? { current } : {}) });
    }
  }
  return { ok: true, data: result };
}
