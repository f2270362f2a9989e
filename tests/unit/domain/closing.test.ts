import { describe, expect, it } from 'vitest';
import { type DenialStatus, reopenStatus } from '@/lib/domain/lifecycle';
import { outcomeOf } from '@/lib/domain/outcome';
import { UNDO_WINDOW_MS, type UndoFacts, undoRefusal } from '@/lib/domain/undo';

describe('reopening goes back to the status it was closed from', () => {
  const cases: [DenialStatus | null, boolean, DenialStatus][] = [
    ['in_progress', true, 'in_progress'],
    ['corrected_resubmitted', true, 'corrected_resubmitted'],
    ['pending_info', true, 'pending_info'],
    ['appealed', true, 'appealed'],
    ['writeoff_pending', true, 'in_progress'],
    ['new', true, 'assigned'],
    ['assigned', false, 'new'],
    [null, true, 'in_progress'],
    [null, false, 'new'],
    ['resolved_paid', true, 'in_progress'],
  ];
  it.each(cases)('closed from %s (owned: %s) → %s', (from, owned, expected) => {
    expect(reopenStatus(from, owned)).toBe(expected);
  });
});

describe('the outcome of a closed denial', () => {
  it.each([
    ['resolved_paid', 50_000, 50_000, 0, { kind: 'resolved_paid', amountCents: 50_000, overpaidCents: 0 }],
    ['resolved_paid', 50_000, 50_000, 7_500, { kind: 'resolved_paid', amountCents: 50_000, overpaidCents: 7_500 }],
    ['resolved_partial', 50_000, 12_000, 0, { kind: 'resolved_partial', amountCents: 12_000, overpaidCents: 0 }],
    ['written_off', 50_000, 12_000, 0, { kind: 'written_off', amountCents: 38_000, overpaidCents: 0 }],
    ['in_progress', 50_000, 0, 0, null],
    ['writeoff_pending', 50_000, 0, 0, null],
  ] as const)('%s, %s denied, %s recovered, %s overpaid', (status, deniedCents, recoveredCents, overpaidCents, expected) => {
    const outcome = outcomeOf({ status, deniedCents, recoveredCents, overpaidCents, resolvedAt: '2026-12-01T10:00:00.000Z' });
    expect(outcome).toEqual(expected === null ? null : { ...expected, at: '2026-12-01T10:00:00.000Z' });
  });
});

describe('undo', () => {
  const at = new Date('2026-12-05T10:00:00Z');
  const facts: UndoFacts = {
    record: { versionAfter: 4, status: 'in_progress', appealLevel: null, followUpDate: null, recoveredCents: 0, resolvedAt: null, escalated: false },
    eventActorId: 'sam',
    eventAt: at,
    undone: false,
    actorId: 'sam',
    currentVersion: 4,
    now: new Date(at.getTime() + 5_000),
  };
  it('is allowed to its author within the window while nothing else changed', () => {
    expect(undoRefusal(facts)).toBeNull();
    expect(undoRefusal({ ...facts, now: new Date(at.getTime() + UNDO_WINDOW_MS) })).toBeNull();
  });
  it.each([
    ['after the window', { now: new Date(at.getTime() + UNDO_WINDOW_MS + 1) }, /Too late/],
    ['after another change', { currentVersion: 5 }, /changed since/],
    ['to someone else', { actorId: 'riley' }, /Only the person/],
    ['twice', { undone: true }, /already undone/],
    ['for a change that keeps no undo record', { record: null }, /cannot be undone/],
  ] as const)('is refused %s', (_name, change, message) => {
    expect(undoRefusal({ ...facts, ...change })).toMatch(message);
  });
});
