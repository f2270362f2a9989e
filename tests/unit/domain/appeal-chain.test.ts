import { describe, expect, it } from 'vitest';
import {
  type AppealStep,
  DEFAULT_AMOUNT_IN_CONTROVERSY,
  afterDecision,
  appealStage,
  canOpenAppeal,
  decideAppeal,
  submitAppeal,
} from '@/lib/domain/appeals/appeal-chain';
import { defaultPayerRules } from '@/lib/domain/payer-rules';

const draft = (level: AppealStep['level'] = 1, dueDate: string | null = '2026-06-01'): AppealStep => ({ level, dueDate, submission: null, outcome: null });
const submitContext = { today: '2026-03-10', noticeDate: '2026-01-05', statusCheckDays: 30 };

function submitted(level: AppealStep['level'] = 1, on = '2026-02-01'): AppealStep {
  const result = submitAppeal(draft(level), { on, method: 'portal', payerReference: 'APL-1' }, submitContext);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

function decided(level: AppealStep['level'], decision: 'overturned' | 'partially_overturned' | 'upheld' | 'dismissed', on: string, recoveredCents: number, outstandingCents = 50_000): AppealStep {
  const result = decideAppeal(submitted(level), { decision, on, recoveredCents }, { today: '2026-03-10', outstandingCents });
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

describe('submitting an appeal', () => {
  it('records method, date and reference, and sets the status check the payer rule asks for', () => {
    const result = submitAppeal(draft(), { on: '2026-02-01', method: 'fax', payerReference: '  REF-77 ' }, submitContext);
    expect(result).toEqual({
      ok: true,
      warnings: [],
      value: { ...draft(), submission: { on: '2026-02-01', method: 'fax', payerReference: 'REF-77', statusCheckOn: '2026-03-03' } },
    });
    expect(appealStage(result.ok ? result.value : draft())).toBe('submitted');
  });

  it.each([
    [{ on: '2026-03-11' }, 'The submission date cannot be in the future.'],
    [{ on: '2026-01-04' }, "The submission date cannot be before the denial's notice of 2026-01-05."],
    [{ on: '2026-02-01', payerReference: 'X'.repeat(51) }, "The payer's reference number is at most 50 characters."],
  ])('refuses %j', (request, reason) => {
    expect(submitAppeal(draft(), { method: 'mail', ...request }, submitContext)).toEqual({ ok: false, reason });
  });

  it('refuses a second submission of the same appeal', () => {
    expect(submitAppeal(submitted(), { on: '2026-02-02', method: 'mail' }, submitContext)).toEqual({
      ok: false,
      reason: 'This appeal was already submitted on 2026-02-01.',
    });
  });

  it('keeps a late submission with a warning (good cause exists), the payer decides', () => {
    const result = submitAppeal(draft(1, '2026-01-31'), { on: '2026-02-01', method: 'mail' }, submitContext);
    expect(result.ok && result.warnings).toEqual([
      "Submitted after this level's deadline of 2026-01-31: the payer may dismiss it unless it accepts good cause for the delay.",
    ]);
  });
});

describe('deciding an appeal', () => {
  const today = '2026-03-10';
  it('refuses a decision on a draft, and a second decision', () => {
    expect(decideAppeal(draft(), { decision: 'upheld', on: today, recoveredCents: 0 }, { today, outstandingCents: 100 })).toMatchObject({
      ok: false,
      reason: 'Record the submission before the decision: a draft has not been sent to the payer.',
    });
    const once = decided(1, 'upheld', '2026-03-01', 0);
    expect(decideAppeal(once, { decision: 'overturned', on: today, recoveredCents: 100 }, { today, outstandingCents: 100 })).toEqual({
      ok: false,
      reason: 'This appeal was already decided (Upheld, 2026-03-01).',
    });
  });

  it.each([
    ['upheld', '2026-03-11', 0, 'The decision date cannot be in the future.'],
    ['upheld', '2026-01-31', 0, 'The decision date cannot be before the submission on 2026-02-01.'],
    ['upheld', '2026-03-01', 100, 'An appeal upheld pays nothing: record the amount as $0, or choose "partially overturned".'],
    ['dismissed', '2026-03-01', 1, 'An appeal dismissed pays nothing: record the amount as $0, or choose "partially overturned".'],
    ['overturned', '2026-03-01', 0, 'Enter the amount the payer agreed to pay (more than $0).'],
    ['overturned', '2026-03-01', 50_001, 'The amount cannot exceed the $500 still denied; an overpayment is recorded from the remittance.'],
    ['partially_overturned', '2026-03-01', 50_000, '$500 is everything still denied: choose "overturned".'],
    ['partially_overturned', '2026-03-01', -5, 'Enter the amount the decision pays, in dollars and cents.'],
    ['partially_overturned', '2026-03-01', 0.5, 'Enter the amount the decision pays, in dollars and cents.'],
  ] as const)('%s on %s paying %d cents is refused', (decision, on, recoveredCents, reason) => {
    expect(decideAppeal(submitted(), { decision, on, recoveredCents }, { today, outstandingCents: 50_000 })).toEqual({ ok: false, reason });
  });

  it.each([
    ['overturned', 50_000],
    ['overturned', 42_000],
    ['partially_overturned', 1],
    ['upheld', 0],
    ['dismissed', 0],
  ] as const)('accepts %s paying %d cents', (decision, recoveredCents) => {
    const result = decideAppeal(submitted(), { decision, on: '2026-02-01', recoveredCents }, { today, outstandingCents: 50_000 });
    expect(result.ok && appealStage(result.value)).toBe('decided');
  });
});

describe('what a decision leads to', () => {
  const medicare = { rules: defaultPayerRules('medicare'), thresholds: DEFAULT_AMOUNT_IN_CONTROVERSY.medicare, noticeDate: '2026-01-05' };
  const commercial = { rules: defaultPayerRules('commercial'), thresholds: DEFAULT_AMOUNT_IN_CONTROVERSY.commercial, noticeDate: '2026-01-05' };

  it('overturned in full resolves the denial as paid, with nothing further to file', () => {
    expect(afterDecision(decided(1, 'overturned', '2026-03-01', 50_000), { ...medicare, outstandingCents: 50_000 })).toEqual({
      denialStatus: 'resolved_paid',
      recoveredCents: 50_000,
      remainingCents: 0,
      nextLevel: null,
      noNextLevelReason: 'Nothing remains denied.',
      writeOffOffered: false,
    });
  });

  it('upheld at Medicare level 1 offers reconsideration, due 180 days after receipt presumed 5 days after the decision', () => {
    const next = afterDecision(decided(1, 'upheld', '2026-03-01', 0), { ...medicare, outstandingCents: 50_000 });
    expect(next).toMatchObject({ denialStatus: 'in_progress', remainingCents: 50_000, writeOffOffered: true, noNextLevelReason: null });
    expect(next.nextLevel).toEqual({
      level: 2,
      deadline: {
        ok: true,
        level: 2,
        dueDate: '2026-09-02',
        basis: 'Reconsideration: 180 days from receipt of the prior decision (presumed 5 days after 2026-03-01: 2026-03-06)',
      },
    });
  });

  it('offers the ALJ hearing only when the amount in controversy meets the 2026 threshold of $200', () => {
    const atThreshold = afterDecision(decided(2, 'upheld', '2026-03-01', 0, 200_00), { ...medicare, outstandingCents: 200_00 });
    expect(atThreshold.nextLevel).toMatchObject({ level: 3, deadline: { ok: true, dueDate: '2026-05-05' } });
    const below = afterDecision(decided(2, 'upheld', '2026-03-01', 0, 199_99), { ...medicare, outstandingCents: 199_99 });
    expect(below).toMatchObject({
      nextLevel: null,
      writeOffOffered: true,
      noNextLevelReason: 'The next level needs at least $200 in controversy (2026); $199.99 remains.',
    });
  });

  it('offers Medicare Appeals Council review after an ALJ decision, with no threshold, 60 days after receipt', () => {
    const next = afterDecision(decided(3, 'upheld', '2026-03-01', 0, 150_00), { ...medicare, outstandingCents: 150_00 });
    expect(next.nextLevel).toEqual({
      level: 4,
      deadline: {
        ok: true,
        level: 4,
        dueDate: '2026-05-05',
        basis: 'Medicare Appeals Council review: 60 days from receipt of the prior decision (presumed 5 days after 2026-03-01: 2026-03-06)',
      },
    });
  });

  it('offers judicial review only when the amount in controversy meets the 2026 threshold of $1,960', () => {
    const atThreshold = afterDecision(decided(4, 'upheld', '2026-03-01', 0, 1_960_00), { ...medicare, outstandingCents: 1_960_00 });
    expect(atThreshold.nextLevel).toMatchObject({ level: 5, deadline: { ok: true, dueDate: '2026-05-05' } });
    const below = afterDecision(decided(4, 'upheld', '2026-03-01', 0, 1_959_99), { ...medicare, outstandingCents: 1_959_99 });
    expect(below).toMatchObject({
      nextLevel: null,
      writeOffOffered: true,
      noNextLevelReason: 'The next level needs at least $1,960 in controversy (2026); $1,959.99 remains.',
    });
  });

  it('after judicial review, Medicare has no further level', () => {
    const next = afterDecision(decided(5, 'upheld', '2026-03-01', 0, 5_000_00), { ...medicare, outstandingCents: 5_000_00 });
    expect(next).toMatchObject({ nextLevel: null, writeOffOffered: true, noNextLevelReason: 'This payer has no appeal level after this one: its upheld decision is final.' });
  });

  it('counts what remains after a partial decision against the threshold', () => {
    const partial = afterDecision(decided(2, 'partially_overturned', '2026-03-01', 300_00, 450_00), { ...medicare, outstandingCents: 450_00 });
    expect(partial).toMatchObject({ denialStatus: 'in_progress', recoveredCents: 300_00, remainingCents: 150_00, nextLevel: null });
  });

  it('upheld at a commercial level 1 offers the second internal level, 60 days from the decision', () => {
    const next = afterDecision(decided(1, 'upheld', '2026-03-01', 0), { ...commercial, outstandingCents: 50_000 });
    expect(next.nextLevel).toMatchObject({ level: 2, deadline: { ok: true, dueDate: '2026-04-30' } });
  });

  it('upheld at a commercial level 2 offers external review, 120 days from the decision', () => {
    const next = afterDecision(decided(2, 'upheld', '2026-03-01', 0), { ...commercial, outstandingCents: 50_000 });
    expect(next.nextLevel).toMatchObject({ level: 'external', deadline: { ok: true, dueDate: '2026-06-29' } });
  });

  it('after the last level a payer has, offers only the write-off', () => {
    const next = afterDecision(decided('external', 'dismissed', '2026-03-01', 0), { ...commercial, outstandingCents: 50_000 });
    expect(next).toMatchObject({
      denialStatus: 'in_progress',
      nextLevel: null,
      writeOffOffered: true,
      noNextLevelReason: 'This payer has no appeal level after this one: its dismissed decision is final.',
    });
  });
});

describe('opening an appeal in a chain', () => {
  it('is refused while another appeal waits for a decision, or at a level already decided', () => {
    expect(canOpenAppeal([draft(1)], 2)).toEqual({ ok: false, reason: 'The appeal at level 1 is still a draft.' });
    expect(canOpenAppeal([submitted(1)], 2)).toEqual({ ok: false, reason: 'The appeal at level 1 is still waiting for a decision.' });
    const upheld = decided(1, 'upheld', '2026-03-01', 0);
    expect(canOpenAppeal([upheld], 1)).toEqual({ ok: false, reason: 'An appeal at this level was already decided: file the next level instead.' });
    expect(canOpenAppeal([upheld], 2)).toMatchObject({ ok: true });
    expect(canOpenAppeal([], 1)).toMatchObject({ ok: true });
  });
});
