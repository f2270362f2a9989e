import 'server-only';
import { type SaveTemplateVersionInput, saveTemplateVersionInput } from '@/lib/domain/contracts/templates';
import { type Actor, can } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { db } from '../db';
import { type Result, fail } from '../errors';
import { parseInput } from '../parse-input';

export { saveTemplateVersionInput };

// Versions are immutable, so saving again after this loses nobody's text: the other change stays in the history.
export const STALE_TEMPLATE = 'Someone else changed this template while you were editing, so your text was not saved. It is still in the editor: compare it with the latest version in the history, then save again.';

/**
 * Saves a template's text as its next version (managers): versions are never rewritten, so every letter keeps
 * the text it came from. Refused: an empty body, unknown merge fields (named), control characters, over 20,000
 * characters, an archived template, and a stale `version` (conflict). Audited in the same transaction.
 */
export async function saveTemplateVersion(actor: Actor, raw: SaveTemplateVersionInput): Promise<Result<{ currentVersion: number; version: number }>> {
  if (!can(actor, 'manage_templates')) return fail('forbidden', 'Only managers edit letter templates.');
  const input = parseInput(saveTemplateVersionInput, raw);
  if (!input.ok) return input;
  const { templateId, version, body } = input.data;
  return db.$transaction(async (tx) => {
    const template = await tx.letterTemplate.findUnique({ where: { id: templateId } });
    if (!template) return fail('not_found', 'This template does not exist.');
    if (template.version !== version) return fail('conflict', STALE_TEMPLATE, { details: { version: template.version, currentVersion: template.currentVersion } });
    if (template.archived) return fail('invalid_input', 'This template is archived: restore it before editing.');
    const next = template.currentVersion + 1;
    // The version guard in the WHERE makes a concurrent save that read the same version fail here.
    const { count } = await tx.letterTemplate.updateMany({ where: { id: templateId, version }, data: { currentVersion: next, version: { increment: 1 } } });
    if (count === 0) return fail('conflict', STALE_TEMPLATE);
    await tx.letterTemplateVersion.create({ data: { templateId, version: next, body, createdById: actor.id } });
    await audit(actor, { action: 'letter_template.save_version', entityType: 'letter_template', entityId: templateId, details: { version: next, length: body.length } }, tx);
    return { ok: true as const, data: { currentVersion: next, version: version + 1 } };
  });
}
