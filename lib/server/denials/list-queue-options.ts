import 'server-only';
import type { Actor } from '@/lib/domain/permissions';
import { db } from '../db';

export interface QueueOptionsDto {
  payers: { id: string; name: string }[];
  /** People work can be assigned to (and filtered by): the actor's team, or everyone for a manager. */
  people: { id: string; name: string; teamId: string | null }[];
}

/** The choices the filter bar and the reassign menu offer. No PHI: names of payers and colleagues. */
export async function listQueueOptions(actor: Actor): Promise<QueueOptionsDto> {
  const [payers, people] = await Promise.all([
    db.payer.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    db.user.findMany({
      where: {
        disabledAt: null,
        role: { in: ['specialist', 'manager'] },
        ...(actor.role === 'manager' ? {} : { OR: [{ id: actor.id }, ...(actor.teamId ? [{ teamId: actor.teamId }] : [])] }),
      },
      select: { id: true, name: true, teamId: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  return { payers, people };
}
