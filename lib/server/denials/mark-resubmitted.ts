import 'server-only';
import { z } from 'zod';
import { plainText } from '@/lib/domain/contracts/text';
import type { Result } from '../errors';
import { changeStatus } from './change-status';
import { denialRef } from './denial-ref';
import type { Actor } from '@/lib/domain/permissions';
import type { DenialStateDto } from './dto';

export const markResubmittedInput = z.object({
  ...denialRef,
  /** What was corrected, and the new claim's reference if there is one. */
  note: plainText(z.string().trim().max(4000), 'multi-line').optional(),
});
export type MarkResubmittedInput = z.infer<typeof markResubmittedInput>;

/** "Corrected and resubmitted": the path for claims that cannot be appealed (MA130) or are quicker fixed. */
export function markResubmitted(actor: Actor, input: MarkResubmittedInput): Promise<Result<DenialStateDto>> {
  return changeStatus(actor, { ...input, to: 'corrected_resubmitted' });
}
