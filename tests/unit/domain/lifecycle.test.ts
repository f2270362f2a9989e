import { describe, expect, it } from 'vitest';
import {
  DENIAL_STATUSES,
  type DenialState,
  type DenialStatus,
  type TransitionContext,
  appealLevelsOpenTo,
  canMarkResubmitted,
  canTransition,
  setEscalation,
  statusAfterAssignment,
  transition,
} from '@/lib/domain/lifecycle';

// The life in design.md, written out independently of the implementation's table.
const ALLOWED: [DenialStatus, DenialStatus[]][] = [
  ['new', ['assigned', 'resolved_paid', 'resolved_partial']],
  ['assigned', ['new', 'in_progress', 'resolved_paid', 'resolved_partial']],
  ['in_progress', ['pending_info', 'appealed', 'corrected_resubmitted', 'writeoff_pending', 'written_off', 'resolved_paid', 'resolved_partial']],
  ['pending_info', ['in_progress', 'appealed', 'corrected_resubmitted', 'writeoff_pending', 'written_off', 'resolved_paid', 'resolved_partial']],
  ['appealed', ['appealed', 'in_progress', 'pending_info', 'corrected_resubmitted', 'writeoff_pending', 'written_off', 'resolved_paid', 'resolved_partial']],
  ['corrected_resubmitted', ['in_progress', 'writeoff_pending', 'written_off', 'resolved_paid', 'resolved_partial']],
  ['writeoff_pending', ['written_off', 'in_progress', 'resolved_paid', 'resolved_partial']],
  ['resolved_paid', []],
  ['resolved_partial', []],
  ['written_off', []],
];
const allowed = new Map(ALLOWED);

const state = (status: DenialStatus, appealLevel: DenialState['appealLevel'] = null, escalated = false): DenialState => ({ status, appealLevel, escalated });
const context: TransitionContext = { deniedAmountCents: 500_00, writeOffApprovalThresholdCents: 1_000_00 };
const valid = (to: DenialStatus) => ({
  to,
  actorRole: 'specialist' as const,
  reason: to === 'written_off' || to === 'writeoff_pending' ? 'Patient deceased, no estate' : undefined,
  appealLevel: to === 'appealed' ? (2 as const) : undefined,
});

describe('allowed transitions', () => {
  const cases = ALLOWED.flatMap(([from, tos]) => tos.map((to) => [from, to] as const));
  it.each(cases)('%s → %s is allowed', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    const fromState = state(from, from === 'appealed' ? 1 : null);
    const result = transition(fromState, { ...valid(to), actorRole: from === 'writeoff_pending' ? 'manager' : 'specialist' }, context);
    expect(result).toMatchObject({ ok: true, state: { status: to } });
  });

  it('refuses every other pair', () => {
    for (const from of DENIAL_STATUSES) {
      for (const to of DENIAL_STATUSES) {
        expect(canTransition(from, to), `${from} → ${to}`).toBe(allowed.get(from)!.includes(to));
      }
    }
  });
});

describe('refused transitions', () => {
  it.each([
    ['new', 'appealed'],
    ['new', 'written_off'],
    ['new', 'in_progress'],
    ['assigned', 'appealed'],
    ['in_progress', 'new'],
    ['corrected_resubmitted', 'appealed'],
    ['resolved_paid', 'in_progress'],
    ['resolved_partial', 'appealed'],
    ['written_off', 'resolved_paid'],
    ['written_off', 'new'],
  ] as const)('%s → %s is outside the life of a denial', (from, to) => {
    const result = transition(state(from), valid(to), context);
    expect(result).toEqual({ ok: false, reason: `A denial cannot go from ${from} to ${to}.` });
  });
});

describe('appeal levels', () => {
  it('needs a level', () => {
    expect(transition(state('in_progress'), { to: 'appealed', actorRole: 'specialist' }, context)).toMatchObject({ ok: false });
  });

  it.each([
    [1, 2, true],
    [1, 'external', true],
    [2, 'external', true],
    [2, 3, true],
    [3, 'external', true],
    [3, 4, true],
    [4, 5, true],
    [5, 'external', true],
    [5, 4, false],
    [2, 2, false],
    [2, 1, false],
    [3, 2, false],
    [3, 3, false],
    ['external', 2, false],
    ['external', 3, false],
  ] as const)('from level %s may go to level %s: %s', (from, to, ok) => {
    const result = transition(state('appealed', from), { to: 'appealed', appealLevel: to, actorRole: 'specialist' }, context);
    expect(result.ok).toBe(ok);
    if (result.ok) expect(result.state.appealLevel).toBe(to);
  });

  it('may refile at the same level after supplying information, but not go back a level', () => {
    const pending = state('pending_info', 2);
    expect(transition(pending, { to: 'appealed', appealLevel: 2, actorRole: 'specialist' }, context).ok).toBe(true);
    expect(transition(pending, { to: 'appealed', appealLevel: 1, actorRole: 'specialist' }, context).ok).toBe(false);
  });

  it('remembers the level reached after the appeal is decided', () => {
    const result = transition(state('appealed', 2), { to: 'in_progress', actorRole: 'specialist' }, context);
    expect(result).toMatchObject({ ok: true, state: { status: 'in_progress', appealLevel: 2 } });
  });

  it('keeps level 3 as level 3 (no level is folded into another)', () => {
    const result = transition(state('in_progress', 2), { to: 'appealed', appealLevel: 3, actorRole: 'specialist' }, context);
    expect(result).toMatchObject({ ok: true, state: { status: 'appealed', appealLevel: 3 } });
  });

  it.each([
    ['new', null, []],
    ['in_progress', null, [1, 2, 3, 4, 5, 'external']],
    ['pending_info', 2, [2, 3, 4, 5, 'external']],
    ['appealed', 1, [2, 3, 4, 5, 'external']],
    ['appealed', 3, [4, 5, 'external']],
    ['appealed', 5, ['external']],
    ['appealed', 'external', []],
    ['corrected_resubmitted', 1, []],
    ['resolved_paid', null, []],
  ] as const)('from %s at level %s, an appeal may be filed at %j', (status, appealLevel, levels) => {
    expect(appealLevelsOpenTo({ status, appealLevel })).toEqual(levels);
    for (const level of [1, 2, 3, 4, 5, 'external'] as const) {
      const filed = transition(state(status, appealLevel), { to: 'appealed', appealLevel: level, actorRole: 'specialist' }, context);
      expect(filed.ok, `level ${level}`).toBe((levels as readonly unknown[]).includes(level));
    }
  });
});

describe('corrected and resubmitted', () => {
  it.each(DENIAL_STATUSES.map((s) => [s, ['in_progress', 'pending_info', 'appealed'].includes(s)] as const))('from %s is offered: %s', (status, offered) => {
    expect(canMarkResubmitted(status)).toBe(offered);
  });
});

describe('the status after the owner changes', () => {
  it.each([
    ['new', true, 'assigned'],
    ['new', false, 'new'],
    ['assigned', true, 'assigned'],
    ['assigned', false, 'new'],
    ['in_progress', true, 'in_progress'],
    ['in_progress', false, 'in_progress'],
    ['appealed', false, 'appealed'],
    ['writeoff_pending', true, 'writeoff_pending'],
  ] as const)('%s with an owner: %s → %s', (status, hasOwner, after) => {
    expect(statusAfterAssignment(status, hasOwner)).toBe(after);
  });
});

describe('write-offs', () => {
  it('needs a reason', () => {
    for (const to of ['written_off', 'writeoff_pending'] as const) {
      expect(transition(state('in_progress'), { to, reason: '  ', actorRole: 'manager' }, context)).toEqual({
        ok: false,
        reason: 'A write-off needs a reason.',
      });
    }
  });

  it('lets a specialist write off up to the threshold', () => {
    const atThreshold = { ...context, deniedAmountCents: 1_000_00 };
    expect(transition(state('in_progress'), valid('written_off'), atThreshold).ok).toBe(true);
  });

  it('sends a specialist’s write-off above the threshold to a manager', () => {
    const above = { ...context, deniedAmountCents: 1_000_01 };
    expect(transition(state('in_progress'), valid('written_off'), above)).toEqual({
      ok: false,
      reason: 'Write-offs above $1,000 need a manager’s approval: request one instead.',
    });
    expect(transition(state('in_progress'), valid('writeoff_pending'), above).ok).toBe(true);
  });

  it('is approved only by a manager', () => {
    expect(transition(state('writeoff_pending'), valid('written_off'), context)).toEqual({
      ok: false,
      reason: 'Only a manager can approve a write-off.',
    });
    expect(transition(state('writeoff_pending'), { ...valid('written_off'), actorRole: 'manager' }, context).ok).toBe(true);
  });

  it('goes back to work when the manager rejects it', () => {
    expect(transition(state('writeoff_pending'), { to: 'in_progress', actorRole: 'manager' }, context).ok).toBe(true);
  });
});

describe('escalation', () => {
  it.each(['new', 'assigned', 'in_progress', 'pending_info', 'appealed', 'corrected_resubmitted', 'writeoff_pending'] as const)(
    'can be raised and cleared while %s',
    (status) => {
      const raised = setEscalation(state(status), true);
      expect(raised).toMatchObject({ ok: true, state: { status, escalated: true } });
      if (raised.ok) expect(setEscalation(raised.state, false)).toMatchObject({ ok: true, state: { escalated: false } });
    },
  );

  it.each(['resolved_paid', 'resolved_partial', 'written_off'] as const)('is refused once %s', (status) => {
    expect(setEscalation(state(status), true).ok).toBe(false);
  });

  it('stays through work and ends with resolution', () => {
    expect(transition(state('in_progress', null, true), valid('pending_info'), context)).toMatchObject({ state: { escalated: true } });
    expect(transition(state('appealed', 1, true), valid('resolved_paid'), context)).toMatchObject({ state: { escalated: false } });
  });

  it('refuses a change that changes nothing', () => {
    expect(setEscalation(state('in_progress', null, true), true)).toEqual({ ok: false, reason: 'Already escalated.' });
  });
});
