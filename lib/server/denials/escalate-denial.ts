import 'server-only';
import { z } from 'zod';
import { plainText } from '@/lib/domain/contracts/text';
import { setEscalation } from '@/lib/domain/lifecycle';
import { type Result, fail } from '../errors';
import { denialRef } from './denial-ref';
import type { Actor } from '@/lib/domain/permissions';
import type { DenialStateDto } from './dto';
import { mutateDenial } from './mutate-denial';

export const escalateDenialInput = z.object({
  ...denialRef,
  /** false clears an escalation. */
  escalated: z.boolean(),
  note: plainText(z.string().trim().max(4000), 'multi-line').optional(),
});
export type EscalateDenialInput = z.infer<typeof escalateDenialInput>;

export async function escalateDenial(actor: Actor, input: EscalateDenialInput): Promise<Result<DenialStateDto>> {
  return mutateDenial(actor, input, 'escalate', (denial) => {
    // The appeal level does not matter to escalation; the domain checks the status and the flag.
    const result = setEscalation({ status: denial.status, appealLevel: null, escalated: denial.escalated }, input.escalated);
    if (!result.ok) return fail('invalid_input', result.reason);
    return {
      data: { escalated: input.escalated, escalatedAt: input.escalated ? new Date() : null },
      events: [{ type: 'escalated', note: input.note || null, data: { escalated: input.escalated } }],
      audit: { action: input.escalated ? 'denial.escalate' : 'denial.deescalate' },
    };
  });
}
