import 'server-only';
import { z } from 'zod';
import { BULK_DECISION_MAX, type WriteOffDecisionRowDto, type WriteOffDecisionsDto } from '@/lib/domain/contracts/write-off-approvals';
import { plainText } from '@/lib/domain/contracts/text';
import { type Actor, roleMay } from '@/lib/domain/permissions';
import { REJECT_NEEDS_NOTE, decideWriteOff } from '../denials/decide-write-off';
import { denialRef } from '../denials/denial-ref';
import { type Result, fail } from '../errors';

export const decideWriteOffsInput = z
  .object({
    items: z
      .array(z.object(denialRef))
      .min(1, 'Select at least one write-off')
      .max(BULK_DECISION_MAX, `Select at most ${BULK_DECISION_MAX} write-offs at once`)
      .refine((items) => new Set(items.map((i) => i.id)).size === items.length, 'Each write-off appears once'),
    approve: z.boolean(),
    note: plainText(z.string().trim().max(2000), 'multi-line').optional(),
  })
  .refine((d) => d.approve || (d.note ?? '').length >= 3, { message: REJECT_NEEDS_NOTE, path: ['note'] });
export type DecideWriteOffsInput = z.infer<typeof decideWriteOffsInput>;

/**
 * Approves or rejects the selected pending write-offs, each through decideWriteOff — the same checks (role, reach,
 * version, not the requester's own), timeline, audit and notification — in its own transaction: one stale or refused
 * row is reported on its line and the others stand. Not all-or-nothing on purpose: a manager clearing forty
 * write-offs should not lose thirty-nine decisions because a specialist touched one meanwhile.
 */
export async function decideWriteOffs(actor: Actor, input: DecideWriteOffsInput): Promise<Result<WriteOffDecisionsDto>> {
  if (!roleMay(actor.role, 'approve_writeoff')) return fail('forbidden', 'Only managers decide write-offs.');
  const results: WriteOffDecisionRowDto[] = [];
  let decidedCents = 0;
  for (const item of input.items) {
    const outcome = await decideWriteOff(actor, { ...item, approve: input.approve, note: input.note });
    if (outcome.ok) {
      decidedCents += outcome.data.deniedCents;
      results.push({ denialId: item.id, ok: true, message: input.approve ? 'Approved: written off.' : 'Rejected: back to work.' });
    } else {
      results.push({ denialId: item.id, ok: false, code: outcome.code, message: outcome.message });
    }
  }
  return { ok: true, data: { approve: input.approve, decided: results.filter((r) => r.ok).length, decidedCents, results } };
}
