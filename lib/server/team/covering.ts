import 'server-only';
import type { IsoDate } from '@/lib/domain/dates';
import { Prisma } from '@/lib/generated/prisma/client';
import { query } from '../sql';

/**
 * The people `coverId` covers today (away from ≤ today ≤ until, naming them as cover). Read before the queue's
 * SQL is built, so a queue with nobody to cover for keeps its plain, index-friendly "mine" predicate.
 */
export async function coveredOwnerIds(coverId: string, today: IsoDate): Promise<string[]> {
  const rows = await query<{ id: string }>(Prisma.sql`
    SELECT id FROM app_user
     WHERE "awayCoverId" = ${coverId}::uuid AND "awayFrom" <= ${today}::date AND "awayUntil" >= ${today}::date AND "disabledAt" IS NULL`);
  return rows.map((r) => r.id);
}
