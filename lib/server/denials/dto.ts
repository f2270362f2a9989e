import 'server-only';
import type { IsoDate } from '@/lib/domain/dates';
import type { Actor } from '@/lib/domain/permissions';
import type { AuditActor } from '../audit';

export type { DeadlineDto, DenialStateDto, QueuePageDto, QueueRowDto } from '@/lib/domain/contracts/denials';
export { deadlineDto } from '@/lib/domain/contracts/denials';

/** The acting user of a denial operation: who (permissions) and from where (audit). */
export type DenialActor = Actor & AuditActor & { email: string | null; name?: string };

/** A @db.Date as Prisma returns it (UTC midnight) -> 'YYYY-MM-DD'. */
export const isoDate = (value: Date | null): IsoDate | null => (value ? value.toISOString().slice(0, 10) : null);

/** The signed-in user and where the request came from, as the actor of a denial operation. */
export function denialActor(user: { id: string; role: Actor['role']; teamId: string | null; name: string }, origin: AuditActor): DenialActor {
  return { ...origin, id: user.id, email: origin.email, name: user.name, role: user.role, teamId: user.teamId };
}
