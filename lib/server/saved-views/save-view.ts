import 'server-only';
import { z } from 'zod';
import { plainText } from '@/lib/domain/contracts/text';
import type { SavedViewDto } from '@/lib/domain/contracts/saved-views';
import { queueParamsSchema, queueParamsToSearch } from '@/lib/domain/queue-params';
import { type Actor, can } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { db } from '../db';
import { type Result, fail } from '../errors';

export const saveViewInput = z.object({
  name: plainText(z.string().trim().min(1, 'Name the view').max(60, 'Keep the name under 60 characters')),
  query: plainText(z.string().max(2000)),
});
export type SaveViewInput = z.infer<typeof saveViewInput>;

/** Saves (or replaces, by name) one of the user's queue views. The query is re-parsed, so only allowed keys are kept. */
export async function saveView(actor: Actor, input: SaveViewInput): Promise<Result<SavedViewDto>> {
  if (!can(actor, 'view_queue')) return fail('forbidden', 'Your role does not include the denial queue.');
  const parsed = queueParamsSchema.safeParse(Object.fromEntries(new URLSearchParams(input.query)));
  if (!parsed.success) return fail('invalid_input', 'This view’s filters are not valid.');
  const { cursor: _cursor, ...params } = parsed.data;
  const query = queueParamsToSearch(params).toString();
  const view = await db.$transaction(async (tx) => {
    const saved = await tx.savedView.upsert({
      where: { userId_name: { userId: actor.id, name: input.name } },
      create: { userId: actor.id, name: input.name, query },
      update: { query },
      select: { id: true, name: true, query: true },
    });
    await audit(actor, { action: 'saved_view.save', entityType: 'saved_view', entityId: saved.id, details: { name: input.name, query } }, tx);
    return saved;
  });
  return { ok: true, data: view };
}
