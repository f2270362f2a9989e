import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedDenial } from '@/lib/domain/backtest/history';
import { CURRENT_WEIGHTS } from '@/lib/domain/backtest/policies';
import { replay } from '@/lib/domain/backtest/replay';
import type { ScoreBacktestInput } from '@/lib/domain/contracts/score-backtest';
import { addDays } from '@/lib/domain/dates';
import type { Actor } from '@/lib/domain/permissions';
import { startOfDay } from '@/lib/server/clock';
import { db, pool } from '@/lib/server/db';
import { scoreBacktest } from '@/lib/server/backtest/score-backtest';
import { createDenial, createPayer, createPerson, createTeam } from '../../support/denial-factory';

// A week no other test writes denials in: Monday 1 to Friday 5 March 2021.
const TODAY = '2021-12-01';
const INPUT: ScoreBacktestInput = { from: '2021-03-01', to: '2021-03-05', perDay: 1, specialists: null, weights: CURRENT_WEIGHTS };
/** Commercial payers' level-1 appeal is due 180 days after the notice (payer-rules.ts). */
const noticeFor = (deadline: string) => addDays(deadline, -180);
const at = (day: string, hour: number) => new Date(startOfDay(day).getTime() + hour * 3_600_000);

let manager: Actor;
let team: string;
let payerId: string;
const history: ResolvedDenial[] = [];

interface Fact {
  opened: [string, number];
  deadline: string;
  amount: number;
  recovered: number;
  status: 'resolved_paid' | 'resolved_partial' | 'written_off';
}

async function resolvedDenial(fact: Fact, teamId = team): Promise<string> {
  const id = await createDenial({
    payerId,
    teamId,
    status: fact.status,
    deniedCents: fact.amount,
    category: 'coding_modifiers',
    noticeDate: noticeFor(fact.deadline),
    openedAt: at(...fact.opened),
  });
  await db.denial.update({ where: { id }, data: { recoveredCents: BigInt(fact.recovered), resolvedAt: at('2021-04-01', 12) } });
  return id;
}

beforeAll(async () => {
  team = (await createTeam()).id;
  manager = await createPerson('manager', team);
  await createPerson('specialist', team);
  payerId = (await createPayer('commercial')).id;
  const facts: Fact[] = [
    // B: the largest, written off; C: paid, due in the summer; A: small, paid, due Tuesday; D: arrives Wednesday, due Thursday.
    { opened: ['2021-03-01', 8], deadline: '2021-08-28', amount: 500_000, recovered: 0, status: 'written_off' },
    { opened: ['2021-03-01', 9], deadline: '2021-08-28', amount: 200_000, recovered: 200_000, status: 'resolved_paid' },
    { opened: ['2021-03-01', 10], deadline: '2021-03-02', amount: 100_000, recovered: 100_000, status: 'resolved_paid' },
    { opened: ['2021-03-03', 9], deadline: '2021-03-04', amount: 300_000, recovered: 150_000, status: 'resolved_partial' },
  ];
  for (const fact of facts) {
    const id = await resolvedDenial(fact);
    history.push({
      id,
      payerId,
      category: 'coding_modifiers',
      appealable: true,
      openedOn: fact.opened[0],
      resolvedOn: '2021-04-01',
      deadline: fact.deadline,
      amountCents: fact.amount,
      recoveredCents: fact.recovered,
      warningWindowDays: 14,
    });
  }
  // Not replayed: another team's, one still open, one opened after the period.
  const other = (await createTeam()).id;
  await resolvedDenial({ opened: ['2021-03-02', 9], deadline: '2021-03-20', amount: 900_000, recovered: 900_000, status: 'resolved_paid' }, other);
  await createDenial({ payerId, teamId: team, status: 'in_progress', deniedCents: 800_000, openedAt: at('2021-03-02', 9) });
  await resolvedDenial({ opened: ['2021-03-08', 9], deadline: '2021-03-20', amount: 700_000, recovered: 700_000, status: 'resolved_paid' });
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe('the score backtest', () => {
  it('replays the manager’s resolved denials of the period and gives the replay’s numbers', async () => {
    const dto = await scoreBacktest(manager, INPUT, TODAY);
    // One specialist on the team, one denial a day, from Monday.
    expect(dto).toMatchObject({ specialists: 1, specialistsFromTeam: true, truncated: false, replayFrom: '2021-03-01', weightsAreCurrent: true });
    expect(dto.result).toEqual(replay(history, { from: INPUT.from, to: INPUT.to, perSpecialistPerDay: 1, specialists: 1, weights: CURRENT_WEIGHTS }));
    // As in the unit test's week: the score reaches A on its due day; largest first reaches it after (B, C, D first).
    // (Oldest first is not asserted here: B, C and A opened the same day, so their order falls to the random ids.)
    const by = Object.fromEntries(dto.result.policies.map((p) => [p.policy, p]));
    expect(dto.result.recoverableCents).toBe(450_000);
    expect(by.score).toMatchObject({ recoveredCents: 450_000, deadlinesMissed: 0 });
    expect(by.largest).toMatchObject({ recoveredCents: 350_000, deadlinesMissed: 1 });
  });

  it('takes the most recently opened denials when there are more than the limit, and says so', async () => {
    const dto = await scoreBacktest(manager, { ...INPUT, specialists: 3 }, TODAY, 2);
    expect(dto).toMatchObject({ truncated: true, limit: 2, specialists: 3, specialistsFromTeam: false });
    expect(dto.result.denials).toBe(2);
    expect(dto.result.recoverableCents).toBe(250_000);
  });

  it('is audited with its question and how many denials it read', async () => {
    await scoreBacktest(manager, { ...INPUT, weights: { amount: 2, likelihood: 1, urgency: 0, effort: 1 } }, TODAY);
    const event = await db.auditEvent.findFirst({ where: { actorId: manager.id, action: 'score_backtest.run' }, orderBy: { id: 'desc' } });
    expect(event).toMatchObject({ phi: false, details: expect.objectContaining({ denials: 4, from: '2021-03-01', weights: { amount: 2, likelihood: 1, urgency: 0, effort: 1 } }) });
  });

  it('refuses a specialist', async () => {
    const specialist = await createPerson('specialist', team);
    await expect(scoreBacktest(specialist, INPUT, TODAY)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('refuses a period that ends after today, with a message', async () => {
    await expect(scoreBacktest(manager, { ...INPUT, to: '2021-12-02' }, TODAY)).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('after today') });
  });
});
