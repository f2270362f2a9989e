import 'server-only';
import type { IsoDate } from '@/lib/domain/dates';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '../db';
import { OPEN } from '../denials/queue-sql';
import { loadScoringContext } from './scoring-context';
import { readScoreInputs, scoreOne, writeScores } from './score-denials';

const BATCH = 2000;

/**
 * Rescores every open denial (or one payer's) as of `today`: urgency rises as deadlines approach, outcomes
 * accumulate, payer rules change. Runs daily from pg-boss (jobs.ts) and after a payer's rules are edited;
 * tests call it directly. Walks the table by id in batches, each its own short statement, so it never
 * holds locks on the whole queue.
 */
export async function rescoreOpenDenials(today: IsoDate, options: { payerId?: string } = {}): Promise<{ scored: number }> {
  const context = await loadScoringContext(db, today, options.payerId ? [options.payerId] : undefined);
  const onlyPayer = options.payerId ? Prisma.sql`AND d."payerId" = ${options.payerId}::uuid` : Prisma.empty;
  let after = '00000000-0000-0000-0000-000000000000';
  let scored = 0;
  for (;;) {
    const batch = await db.$queryRaw<{ id: string }[]>`
      SELECT d.id FROM denial d WHERE ${OPEN} ${onlyPayer} AND d.id > ${after}::uuid ORDER BY d.id LIMIT ${BATCH}`;
    const last = batch.at(-1);
    if (!last) break;
    const inputs = await readScoreInputs(
      db,
      batch.map((r) => r.id),
    );
    scored += await writeScores(
      db,
      inputs.map((input) => scoreOne(input, context)),
    );
    after = last.id;
  }
  return { scored };
}
