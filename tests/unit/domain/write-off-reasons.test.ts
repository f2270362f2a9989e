import { describe, expect, it } from 'vitest';
import {
  WRITE_OFF_REASON_CODES,
  WRITE_OFF_REASON_LABEL,
  isWriteOffReasonCode,
  reasonTextRequired,
  writeOffReasonLabel,
  writeOffReasonProblem,
  writeOffReasonText,
} from '@/lib/domain/write-off-reasons';

describe('write-off reasons', () => {
  it('lists the seven reasons of issue 14, each with a label', () => {
    expect(WRITE_OFF_REASON_CODES).toHaveLength(7);
    for (const code of WRITE_OFF_REASON_CODES) expect(WRITE_OFF_REASON_LABEL[code]).toMatch(/\w/);
    expect(isWriteOffReasonCode('small_balance')).toBe(true);
    expect(isWriteOffReasonCode('bad_debt')).toBe(false);
  });

  it('requires the detail text for "other" only', () => {
    expect(WRITE_OFF_REASON_CODES.filter(reasonTextRequired)).toEqual(['other']);
    expect(writeOffReasonProblem('other', '  ')).toBe('Say why this is written off.');
    expect(writeOffReasonProblem('other', 'Patient deceased, estate closed')).toBeNull();
    expect(writeOffReasonProblem('small_balance', '')).toBeNull();
  });

  it('refuses an unknown code, a two-letter detail and an over-long one', () => {
    expect(writeOffReasonProblem('bad_debt', 'text')).toBe('Choose a reason from the list.');
    expect(writeOffReasonProblem('duplicate', 'no')).toMatch(/at least 3/);
    expect(writeOffReasonProblem('duplicate', 'a'.repeat(2001))).toMatch(/At most 2000/);
  });

  it('reads a code and its detail as one line, keeping an unknown code as stored', () => {
    expect(writeOffReasonText('small_balance', ' under $10 ')).toBe('Small balance — under $10');
    expect(writeOffReasonText('duplicate', '')).toBe('Duplicate claim');
    expect(writeOffReasonLabel('legacy_code')).toBe('legacy_code');
  });
});
