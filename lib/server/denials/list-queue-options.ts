import 'server-only';
import type { QueueOptionsDto } from '@/lib/domain/contracts/denials';
import type { Actor } from '@/lib/domain/permissions';
import { db } from '../db';

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
