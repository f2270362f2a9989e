import { describe, expect, it } from 'vitest';
import { absencePhase, absenceProblem, awayLabel } from '@/lib/domain/team/away';
import { moveNotificationTitle, moveQueueHref, moveScopeText } from '@/lib/domain/team/move-work';
import { givenReason, reassignNeedsReason, reassignReason } from '@/lib/domain/team/reassign-reason';

describe('reassignNeedsReason', () => {
  it('asks why only when work is taken from a colleague', () => {
    expect(reassignNeedsReason('me', 'sam', 'riley')).toBe(true);
    expect(reassignNeedsReason('me', 'sam', null)).toBe(true);
    expect(reassignNeedsReason('me', 'sam', 'me')).toBe(false); // taking it yourself
    expect(reassignNeedsReason('me', null, 'riley')).toBe(false); // handing out the pool
    expect(reassignNeedsReason('me', 'me', 'riley')).toBe(false); // giving away your own
  });

  it('counts a reason of three characters or more, trimmed; refuses control characters', () => {
    expect(givenReason('  on leave ')).toBe('on leave');
    expect(givenReason(' ok ')).toBeNull();
    expect(givenReason(undefined)).toBeNull();
    expect(reassignReason.safeParse('line one\nline two').success).toBe(true);
    expect(reassignReason.safeParse('bad\u0000').success).toBe(false);
  });
});

describe('absences', () => {
  const today = '2026-12-06';
  it('are current, planned or past by inclusive dates', () => {
    expect(absencePhase({ from: '2026-12-06', until: '2026-12-06' }, today)).toBe('current');
    expect(absencePhase({ from: '2026-12-07', until: '2026-12-09' }, today)).toBe('planned');
    expect(absencePhase({ from: '2026-12-01', until: '2026-12-05' }, today)).toBe('past');
  });

  it('refuse self-cover, backwards dates and absences already over', () => {
    const ok = { userId: 'a', coverId: 'b', from: today, until: today };
    expect(absenceProblem(ok, today)).toBeNull();
    expect(absenceProblem({ ...ok, coverId: 'a' }, today)).toMatch(/cannot cover their own/);
    expect(absenceProblem({ ...ok, until: '2026-12-05' }, today)).toMatch(/on or after/);
    expect(absenceProblem({ ...ok, from: '2026-12-01', until: '2026-12-05' }, today)).toMatch(/already over/);
  });

  it('read in owner pickers as “away until …, covered by …”', () => {
    const fmt = (d: string) => d.slice(5);
    expect(awayLabel({ from: '2026-12-05', until: '2026-12-12', coverName: 'Riley' }, today, fmt)).toBe('away until 12-12, covered by Riley');
    expect(awayLabel({ from: '2026-12-10', until: '2026-12-12', coverName: 'Riley' }, today, fmt)).toBe('away 12-10–12-12, covered by Riley');
    expect(awayLabel({ from: '2026-12-01', until: '2026-12-02', coverName: 'Riley' }, today, fmt)).toBeNull();
    expect(awayLabel(null, today, fmt)).toBeNull();
  });
});

describe('move wording', () => {
  it('names the count, dollars and scope once for the whole move', () => {
    expect(moveNotificationTitle('Alex', 37, 12_340_00, { payer: 'Aetna' })).toBe('Alex moved 37 denials ($12,340) to you: Aetna');
    expect(moveNotificationTitle('Alex', 1, 99_50, {})).toBe('Alex moved 1 denial ($99.50) to you: everything');
    expect(moveScopeText({ payer: 'Aetna', category: 'Timely filing' })).toBe('Aetna · Timely filing');
  });

  it('links to the new owner’s queue filtered to what moved', () => {
    expect(moveQueueHref({ payerId: 'p1', category: 'bundling' })).toBe('/queue?view=mine&payer=p1&category=bundling');
    expect(moveQueueHref({})).toBe('/queue?view=mine');
  });
});
