import 'server-only';
import { z } from 'zod';
import { type Actor, can } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { db } from '../db';
import { type Result, fail } from '../errors';

export const deleteViewInput = z.object({ id: z.uuid() });
export type DeleteViewInput = z.infer<typeof deleteViewInput>;

/** Deletes one of the actor's own saved views (someone else's is "not found", not "forbidden"). */
export async function deleteView(actor: Actor, input: DeleteViewInput): Promise<Result<{ id: string }>> {
  if (!can(actor, 'view_queue')) return fail('forbidden', 'Your role does not include the denial queue.');
  return db.$transaction(async (tx) => {
    const { count } = await tx.savedView.deleteMany({ where: { id: input.id, userId: actor.id } });
    if (count === 0) return fail('not_found', 'This saved view no longer exists.');
    await audit(actor, { action: 'saved_view.delete', entityType: 'saved_view', entityId: input.id }, tx);
    return { ok: true as const, data: { id: input.id } };
  });
}
