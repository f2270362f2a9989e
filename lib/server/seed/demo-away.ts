import 'server-only';
import { type IsoDate, addDays } from '@/lib/domain/dates';
import type { Tx } from '../db';

/**
 * Out of office in the demo: Sam Specialist is away from yesterday to four days from now, covered by Riley, so
 * Riley's "My queue" shows Sam's due follow-ups marked "covering for Sam Specialist", and the reassign menus name
 * Sam as away. Written as a manager would on the Out of office page, audit trail aside (a seed, not a person).
 */
export async function seedDemoAway(tx: Tx, today: IsoDate): Promise<void> {
  const [sam, riley] = await Promise.all([
    tx.user.findUniqueOrThrow({ where: { email: 'specialist@overturn.test' }, select: { id: true } }),
    tx.user.findUniqueOrThrow({ where: { email: 'specialist2@overturn.test' }, select: { id: true } }),
  ]);
  await tx.user.update({
    where: { id: sam.id },
    data: { awayFrom: new Date(`${addDays(today, -1)}T00:00:00Z`), awayUntil: new Date(`${addDays(today, 4)}T00:00:00Z`), awayCoverId: riley.id },
  });
}
