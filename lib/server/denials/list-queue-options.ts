import 'server-only';
import type { QueueOptionsDto } from '@/lib/domain/contracts/denials';
import { type Actor, can, reachesAll, roleMay } from '@/lib/domain/permissions';
import { absencePhase } from '@/lib/domain/team/away';
import { authorize } from '../authorize';
import { todayIso } from '../clock';
import { db } from '../db';
import { isoDate } from './dto';

/** The choices the filter bar and the reassign menu offer. No PHI: names of payers and colleagues. */
export async function listQueueOptions(actor: Actor): Promise<QueueOptionsDto> {
  authorize(actor, 'view_queue', undefined, 'Your role does not include the denial queue.');
  const today = todayIso();
  const [payers, people] = await Promise.all([
    db.payer.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    db.user.findMany({
      where: {
        disabledAt: null,
        role: { in: ['specialist', 'manager'] },
        ...(reachesAll(actor) ? {} : { OR: [{ id: actor.id }, ...(actor.teamId ? [{ teamId: actor.teamId }] : [])] }),
      },
      select: { id: true, name: true, teamId: true, awayFrom: true, awayUntil: true, awayCover: { select: { name: true } } },
      orderBy: { name: 'asc' },
    }),
  ]);
  return {
    payers,
    // Whoever picks an owner sees who is away and who covers them.
    people: people.map(({ awayFrom, awayUntil, awayCover, ...p }) => {
      const from = isoDate(awayFrom);
      const until = isoDate(awayUntil);
      const absence = from && until && awayCover ? { from, until, coverName: awayCover.name } : null;
      return { ...p, away: absence && absencePhase(absence, today) !== 'past' ? absence : null };
    }),
    viewer: { canReassign: roleMay(actor.role, 'reassign'), canViewAll: can(actor, 'view_all_denials'), canExport: can(actor, 'export_lists') },
  };
}
