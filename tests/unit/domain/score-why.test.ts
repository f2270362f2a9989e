import { describe, expect, it } from 'vitest';
import { statusLabel } from '@/lib/domain/denial-labels';
import { dueText, scoreWhy } from '@/lib/domain/score-why';

describe('the one-line why beside a score', () => {
  it('reads as amount × recovery × due', () => {
    expect(scoreWhy({ amountCents: 421_000, likelihood: 0.62, deadlineDate: '2025-06-11', today: '2025-06-02' })).toBe('$4,210 × 62% recovery × due in 9 days');
  });

  it('says a missed deadline makes recovery unlikely, with the floor likelihood as scored', () => {
    expect(scoreWhy({ amountCents: 600_000, likelihood: 0.005, deadlineDate: '2010-03-01', today: '2025-06-02' })).toBe(
      '$6,000 × 0.5% recovery × deadline missed 5572 days ago: recovery unlikely',
    );
  });

  it('counts days from today, flags a missed deadline, and says when nothing is due', () => {
    expect(dueText('2025-06-02', '2025-06-02')).toBe('due today');
    expect(dueText('2025-06-03', '2025-06-02')).toBe('due in 1 day');
    expect(dueText('2025-06-01', '2025-06-02')).toBe('deadline missed 1 day ago: recovery unlikely');
    expect(dueText('2025-05-01', '2025-06-02')).toBe('deadline missed 32 days ago: recovery unlikely');
    expect(dueText(null, '2025-06-02')).toBe('no deadline known');
    expect(scoreWhy({ amountCents: 1_050, likelihood: 0.456, deadlineDate: null, waiting: true, today: '2025-06-02' })).toBe('$10.50 × 46% recovery × nothing due');
    const waiting = (followUpDate: string) => scoreWhy({ amountCents: 1_050, likelihood: 0.456, deadlineDate: null, waiting: true, followUpDate, today: '2025-06-02' });
    expect(waiting('2025-06-09')).toBe('$10.50 × 46% recovery × nothing due for 7 days');
    expect(waiting('2025-06-02')).toBe('$10.50 × 46% recovery × follow-up due');
    expect(waiting('2025-05-30')).toBe('$10.50 × 46% recovery × follow-up due');
  });
});

describe('status labels', () => {
  it('name the appeal level', () => {
    expect(statusLabel('appealed', '1')).toBe('Appealed · L1');
    expect(statusLabel('appealed', 'external')).toBe('Appealed · external');
    expect(statusLabel('writeoff_pending')).toBe('Write-off pending');
  });
});
