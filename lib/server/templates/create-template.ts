import 'server-only';
import { type CreateTemplateInput, createTemplateInput } from '@/lib/domain/contracts/templates';
import { type Actor, can } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { db } from '../db';
import { type Result, fail } from '../errors';
import { parseInput } from '../parse-input';

export { createTemplateInput };

/** A new template (managers) with its text as version 1, audited in the same transaction. */
export async function createTemplate(actor: Actor, raw: CreateTemplateInput): Promise<Result<{ id: string; currentVersion: number; version: number }>> {
  if (!can(actor, 'manage_templates')) return fail('forbidden', 'Only managers create letter templates.');
  const input = parseInput(createTemplateInput, raw);
  if (!input.ok) return input;
  const { category, name, body } = input.data;
  const id = await db.$transaction(async (tx) => {
    const template = await tx.letterTemplate.create({
      data: { category, name, currentVersion: 1, versions: { create: { version: 1, body, createdById: actor.id } } },
    });
    await audit(actor, { action: 'letter_template.create', entityType: 'letter_template', entityId: template.id, details: { category, name, version: 1, length: body.length } }, tx);
    return template.id;
  });
  return { ok: true, data: { id, currentVersion: 1, version: 0 } };
}
