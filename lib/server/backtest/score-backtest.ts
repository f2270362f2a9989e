import 'server-only';
import { isCurrentWeights } from '@/lib/domain/backtest/policies';
import { replay } from '@/lib/domain/backtest/replay';
import { BACKTEST_DENIAL_LIMIT, type ScoreBacktestDto, type ScoreBacktestInput, periodProblem } from '@/lib/domain/contracts/score-backtest';
import { type IsoDate } from '@/lib/domain/dates';
import { type Actor, reachesAll } from '@/lib/domain/permissions';
import { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { authorize } from '../authorize';
import { AppError } from '../errors';
import { query } from '../sql';
import { loadResolvedHistory } from './load-history';

/** Active specialists the manager reaches: their team's, or everyone's with organisation-wide scope. */
async function countSpecialists(actor: Actor): Promise<number> {
  const scope = reachesAll(actor) ? Prisma.sql`TRUE` : actor.teamId ? Prisma.sql`"teamId" = ${actor.teamId}::uuid` : Prisma.sql`FALSE`;
  const [row] = await query<{ n: number }>(Prisma.sql`SELECT count(*)::int AS n FROM app_user WHERE role = 'specialist' AND "disabledAt" IS NULL AND ${scope}`);
  return row?.n ?? 0;
}

/**
 * Replays the manager's resolved denials of the period under the queue's score, the manager's weights and the
 * usual orders (lib/domain/backtest/replay.ts). Reads the denials within the manager's reach, like the queue.
 *
 * Audited as a read without PHI: the answer is totals per policy and day; the rows read carry amounts, dates and
 * categories, never a patient, claim number or member id.
 */
export async function scoreBacktest(actor: Actor, input: ScoreBacktestInput, today: IsoDate, limit = BACKTEST_DENIAL_LIMIT): Promise<ScoreBacktestDto> {
  authorize(actor, 'view_score_backtest', undefined, 'Only managers run the score backtest.');
  const problem = periodProblem(input, today);
  if (problem) throw new AppError('invalid_input', problem);
  const { history, truncated } = await loadResolvedHistory(actor, input, limit);
  const fromTeam = input.specialists === null;
  // With nobody on the team yet, one specialist: a replay with no capacity would say nothing.
  const specialists = input.specialists ?? Math.max(1, await countSpecialists(actor));
  // Cut by the limit, the replay starts when the oldest loaded denial opened, not with weeks of an empty queue.
  const earliest = history.reduce<IsoDate | null>((min, d) => (min === null || d.openedOn < min ? d.openedOn : min), null);
  const replayFrom = truncated && earliest !== null && earliest > input.from ? earliest : input.from;
  const result = replay(history, { from: replayFrom, to: input.to, perSpecialistPerDay: input.perDay, specialists, weights: input.weights });
  await audit(actor, {
    action: 'score_backtest.run',
    entityType: 'denial',
    phi: false,
    details: { from: input.from, to: input.to, perDay: input.perDay, specialists, weights: { ...input.weights }, denials: history.length, truncated },
  });
  return {
    input,
    replayFrom,
    specialists,
    specialistsFromTeam: fromTeam,
    truncated,
    limit,
    weightsAreCurrent: isCurrentWeights(input.weights),
    result,
  };
}
