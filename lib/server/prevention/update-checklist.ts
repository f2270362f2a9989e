import 'server-only';
import type { UpdateChecklistInput } from '@/lib/domain/contracts/prevention';
import { type Actor, can } from '@/lib/domain/permissions';
import { DEFAULT_CHECKLISTS } from '@/lib/domain/prevention/default-checklists';
import { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { db } from '../db';
import { type Result, fail } from '../errors';

/**
 * Saves a front-desk cause's "what to check before the visit" list, refusing a stale edit: version 0 means the
 * editor read the default (no row yet), so two first saves at once let one win. Audited with before and after.
 */
export async function updateChecklist(actor: Actor, input: UpdateChecklistInput): Promise<Result<{ version: number }>> {
  if (!can(actor, 'manage_prevention')) return fail('forbidden', 'Only managers edit the front-desk checklists.');
  return db.$transaction(async (tx) => {
    const before = await tx.preventionChecklist.findUnique({ where: { category: input.category }, select: { items: true } });
    const saved = await tx.$queryRaw<{ version: number }[]>(Prisma.sql`
      INSERT INTO prevention_checklist (category, items, version, "updatedById", "updatedAt")
      SELECT ${input.category}, ${input.items}::text[], 1, ${actor.id}::uuid, now() WHERE ${input.version} = 0
      ON CONFLICT (category) DO NOTHING
      RETURNING version`);
    const updated = saved.length
      ? saved
      : await tx.$queryRaw<{ version: number }[]>(Prisma.sql`
          UPDATE prevention_checklist SET items = ${input.items}::text[], version = version + 1, "updatedById" = ${actor.id}::uuid, "updatedAt" = now()
           WHERE category = ${input.category} AND version = ${input.version} AND ${input.version} > 0
          RETURNING version`);
    if (updated.length === 0) {
      return fail('conflict', 'Someone else saved this checklist while you were editing. Your change was not saved: the latest list is shown — check it and save again.');
    }
    await audit(
      actor,
      {
        action: 'prevention_checklist.update',
        entityType: 'prevention_checklist',
        entityId: input.category,
        details: { before: before?.items ?? [...DEFAULT_CHECKLISTS[input.category]], after: input.items, version: updated[0]!.version },
      },
      tx,
    );
    return { ok: true as const, data: { version: updated[0]!.version } };
  });
}
