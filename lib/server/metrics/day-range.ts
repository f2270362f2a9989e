import 'server-only';
import { type IsoDate, addDays } from '@/lib/domain/dates';
import { Prisma } from '@/lib/generated/prisma/client';
import { startOfDay } from '../clock';

/**
 * A timestamp column within calendar days (inclusive; null = open-ended), as instants where the server runs
 * (clock.ts): the one way the dashboard's sums and the queue's drill-down filters read a period, so a number and
 * the queue behind it cut days at the same instant. A plain range, so the column's index serves it.
 */
export function dayRangeSql(column: Prisma.Sql, from: IsoDate | null, to: IsoDate | null): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (from) parts.push(Prisma.sql`${column} >= ${startOfDay(from)}::timestamptz`);
  if (to) parts.push(Prisma.sql`${column} < ${startOfDay(addDays(to, 1))}::timestamptz`);
  return parts.length ? Prisma.join(parts, ' AND ') : Prisma.sql`TRUE`;
}
