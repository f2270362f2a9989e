import 'server-only';
import type { PreviewCodeMappingInput, ReclassifyPreviewDto } from '@/lib/domain/contracts/code-mappings';
import { type Actor, can } from '@/lib/domain/permissions';
import { type Result, fail } from '../errors';
import { countReclassification } from './count-reclassification';
import { proposedMapping } from './proposed-mapping';

export const ADMIN_ONLY = 'Only an administrator changes code mappings.';

/**
 * How many open denials a mapping change (or removing an override) would move or flag, before it is saved.
 * Counts only, no denial named: nothing is read that needs an audit event.
 */
export async function previewCodeMapping(actor: Actor, input: PreviewCodeMappingInput): Promise<Result<ReclassifyPreviewDto>> {
  if (!can(actor, 'manage_code_mappings')) return fail('forbidden', ADMIN_ONLY);
  const { proposed } = await proposedMapping(input);
  return { ok: true, data: await countReclassification(proposed, input.group, input.carc) };
}
