import { describe, expect, it } from 'vitest';
import { type DenialDeadlineInput, denialDeadlines, isWaiting, waitingLabel } from '@/lib/domain/denial-deadline';
import { defaultPayerRules } from '@/lib/domain/payer-rules';

const base: DenialDeadlineInput = { status: 'in_progress', appealable: true, appealLevel: null, noticeDate: '2025-01-10', serviceDate: '2024-12-01', lastDecisionDate: null };
const medicare = defaultPayerRules('medicare');
const commercial = defaultPayerRules('commercial');

describe('the deadline a denial works against', () => {
  it('is the first appeal level, counted from the notice (Medicare: receipt presumed 5 days later)', () => {
    const { working } = denialDeadlines(medicare, base);
    expect(working).toMatchObject({ kind: 'appeal_1', dueDate: '2025-05-15' });
  });

  it('is timely filing when the claim cannot be appealed and must be corrected and resubmitted', () => {
    const { working } = denialDeadlines(medicare, { ...base, appealable: false });
    expect(working).toMatchObject({ kind: 'timely_filing', dueDate: '2025-12-01' });
  });

  it('moves to the next level, counted from the decision, once an appeal is decided', () => {
    const { working } = denialDeadlines(commercial, { ...base, appealLevel: 1, lastDecisionDate: '2025-03-01' });
    expect(working).toMatchObject({ kind: 'appeal_2', dueDate: '2025-04-30' });
    const after2 = denialDeadlines(commercial, { ...base, appealLevel: 2, lastDecisionDate: '2025-03-01' });
    expect(after2.working).toMatchObject({ kind: 'appeal_external', dueDate: '2025-06-29' });
  });

  it.each(['appealed', 'corrected_resubmitted', 'writeoff_pending'] as const)('is nothing while %s: the next move is the payer’s or a manager’s', (status) => {
    const result = denialDeadlines(medicare, { ...base, status });
    expect(result.working).toBeNull();
    expect(result.waitingReason).toBeTruthy();
    expect(result.waiting).toBe(true);
  });

  it('is not waiting while the work is ours, nor once resolved or out of levels', () => {
    expect(denialDeadlines(medicare, base).waiting).toBe(false);
    expect(denialDeadlines(medicare, { ...base, status: 'resolved_paid' }).waiting).toBe(false);
    expect(denialDeadlines(commercial, { ...base, noticeDate: null }).waiting).toBe(false);
    expect(['appealed', 'corrected_resubmitted', 'writeoff_pending', 'in_progress', 'constructor'].map(isWaiting)).toEqual([true, true, true, false, false]);
  });

  it('is nothing once resolved, and nothing past the payer’s last level', () => {
    expect(denialDeadlines(medicare, { ...base, status: 'resolved_paid' }).working).toBeNull();
    const last = denialDeadlines(commercial, { ...base, appealLevel: 'external', lastDecisionDate: '2025-03-01' });
    expect(last).toMatchObject({ working: null, waitingReason: 'no further appeal level for this payer' });
  });

  it('says what is missing when a date is unknown', () => {
    expect(denialDeadlines(commercial, { ...base, noticeDate: null }).waitingReason).toMatch(/notice date is needed/);
  });

  it('always reports timely filing beside it', () => {
    expect(denialDeadlines(commercial, base).timelyFiling).toMatchObject({ ok: true, dueDate: '2025-03-01' });
  });
});

describe('what the Due column says while nothing is due from us', () => {
  it('a pending write-off awaits approval; an appeal or corrected claim is with the payer; work in hand says nothing', () => {
    expect(waitingLabel('writeoff_pending')).toBe('awaiting approval');
    expect(waitingLabel('appealed')).toBe('with payer');
    expect(waitingLabel('corrected_resubmitted')).toBe('with payer');
    expect(waitingLabel('in_progress')).toBeNull();
  });
});
