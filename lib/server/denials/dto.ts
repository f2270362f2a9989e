import 'server-only';
import type { IsoDate } from '@/lib/domain/dates';

export type { DeadlineDto, DenialStateDto, QueuePageDto, QueueRowDto } from '@/lib/domain/contracts/denials';
export { deadlineDto } from '@/lib/domain/contracts/denials';

/** A @db.Date as Prisma returns it (UTC midnight) -> 'YYYY-MM-DD'. */
export const isoDate = (value: Date | null): IsoDate | null => (value ? value.toISOString().slice(0, 10) : null);
