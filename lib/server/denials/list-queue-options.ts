import 'server-only';
import type { QueueOptionsDto } from '@/lib/domain/contracts/denials';
import { type Actor, can, reachesAll, roleMay } from '@/lib/domain/permissions';
import { authorize } from '../authorize';
import { db } from '../db';

/** The choices the filter bar and the reassign menu offer. No PHI: names of payers and colleagues. */
export async function listQueueOptions(actor: Actor): Promise<QueueOptionsDto> {
  authorize(actor, 'view_queue', undefined, 'Your role does not include the denial queue.');
  const [payers, people] = await Promise.all([
    db.payer.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    db.user.findMany({
      where: {
        disabledAt: null,
        role: { in: ['specialist', 'manager'] },
        ...(reachesAll(actor) ? {} : { OR: [{ id: actor.id }, ...(actor.teamId ? [{ teamId: actor.teamId }] : [])] }),
      },
      select: { id: true, name: true, teamId: true },
      orderBy: { name: 'asc' },
    }),
  ]);
  return { payers, people, viewer: { canReassign: roleMay(actor.role, 'reassign'), canViewAll: can(actor, 'view_all_denials') } };
}
