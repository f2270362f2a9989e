import 'server-only';
import { type SetTemplateArchivedInput, setTemplateArchivedInput } from '@/lib/domain/contracts/templates';
import { type Actor, can } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { db } from '../db';
import { type Result, fail } from '../errors';
import { parseInput } from '../parse-input';
import { STALE_TEMPLATE } from './save-template-version';

export { setTemplateArchivedInput };

/**
 * Archives a template (no new letters from it; letters already made keep their version) or restores it
 * (managers), against the version read. Audited in the same transaction.
 */
export async function setTemplateArchived(actor: Actor, raw: SetTemplateArchivedInput): Promise<Result<{ archived: boolean; version: number }>> {
  if (!can(actor, 'manage_templates')) return fail('forbidden', 'Only managers archive letter templates.');
  const input = parseInput(setTemplateArchivedInput, raw);
  if (!input.ok) return input;
  const { templateId, version, archived } = input.data;
  return db.$transaction(async (tx) => {
    const { count } = await tx.letterTemplate.updateMany({ where: { id: templateId, version }, data: { archived, version: { increment: 1 } } });
    if (count === 0) {
      const exists = await tx.letterTemplate.findUnique({ where: { id: templateId }, select: { version: true } });
      return exists ? fail('conflict', STALE_TEMPLATE, { details: { version: exists.version } }) : fail('not_found', 'This template does not exist.');
    }
    await audit(actor, { action: archived ? 'letter_template.archive' : 'letter_template.unarchive', entityType: 'letter_template', entityId: templateId }, tx);
    return { ok: true as const, data: { archived, version: version + 1 } };
  });
}
