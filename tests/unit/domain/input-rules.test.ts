// The shared rules for input from outside: dates (contracts/dates.ts), text (contracts/text.ts), follow-up
// windows, recovered amounts and the limits' wording.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isoDateInput, isoDateTimeInput } from '@/lib/domain/contracts/dates';
import { controlCharacterIn, plainText } from '@/lib/domain/contracts/text';
import { inDateYears } from '@/lib/domain/dates';
import { followUpProblem } from '@/lib/domain/follow-up';
import { recoveredAmountProblem } from '@/lib/domain/recovered-amount';
import { sizeText } from '@/lib/domain/request-limits';

describe('dates from outside', () => {
  it.each([
    ['1900-01-01', true],
    ['2199-12-31', true],
    ['2026-02-28', true],
    ['1899-12-31', false],
    ['2200-01-01', false],
    ['0000-01-01', false],
    ['9999-12-31', false],
    ['2026-02-30', false],
    ['26-01-01', false],
    ['2026-1-1', false],
    ['', false],
  ])('isoDateInput(%s) → %s', (text, ok) => {
    expect(isoDateInput().safeParse(text).success).toBe(ok);
  });

  it('says which years are allowed', () => {
    expect(isoDateInput().safeParse('0000-01-01').error?.issues[0]?.message).toBe('Enter a date between 1900 and 2199');
  });

  it.each([
    ['2026-05-01T10:00:00Z', true],
    ['2026-05-01T10:00:00.123+02:00', true],
    ['0000-01-01T00:00:00Z', false],
    ['2200-01-01T00:00:00Z', false],
    ['2026-05-01', false],
  ])('isoDateTimeInput(%s) → %s', (text, ok) => {
    expect(isoDateTimeInput().safeParse(text).success).toBe(ok);
  });

  it('inDateYears reads the year of a date or a date-time', () => {
    expect(inDateYears('2026-01-01T00:00:00Z')).toBe(true);
    expect(inDateYears('-0001-01-01')).toBe(false);
    expect(inDateYears('+02026-01-01')).toBe(false);
  });
});

describe('text from outside', () => {
  it.each([
    ['plain', 'one-line', null],
    ['tab\there', 'one-line', 'U+0009'],
    ['line\nbreak', 'one-line', 'U+000A'],
    ['nul\u0000', 'multi-line', 'U+0000'],
    ['bell\u0007', 'multi-line', 'U+0007'],
    ['escape\u001b[0m', 'multi-line', 'U+001B'],
    ['delete\u007f', 'multi-line', 'U+007F'],
    ['next line\u0085', 'multi-line', 'U+0085'],
    ['csi\u009b', 'multi-line', 'U+009B'],
    ['tab\t, CR\r and LF\n', 'multi-line', null],
    ['accents: é, ß, 名前, emoji 🙂', 'one-line', null],
    ['no-break\u00a0space', 'one-line', null],
  ] as const)('controlCharacterIn(%j, %s) → %s', (text, lines, found) => {
    expect(controlCharacterIn(text, lines)).toBe(found);
  });

  it('plainText keeps the schema’s own rules and adds a message naming the character', () => {
    const name = plainText(z.string().trim().min(1, 'Name it').max(5));
    expect(name.parse('  ab ')).toBe('ab');
    expect(name.safeParse('').error?.issues[0]?.message).toBe('Name it');
    expect(name.safeParse('abcdef').success).toBe(false);
    expect(name.safeParse('a\u0000b').error?.issues[0]?.message).toBe('Remove the control character (U+0000): use one line of plain text');
    const note = plainText(z.string(), 'multi-line');
    expect(note.parse('line one\nline two')).toBe('line one\nline two');
    expect(note.safeParse('x\u0000').error?.issues[0]?.message).toBe('Remove the control character (U+0000): text, tabs and line breaks only');
  });
});

describe('follow-up dates', () => {
  const today = '2026-03-15';
  it.each([
    ['2026-03-15', null],
    ['2028-03-15', null],
    ['2026-03-14', 'A follow-up date cannot be in the past.'],
    ['2028-03-16', 'A follow-up date can be at most two years ahead (2028-03-15).'],
    ['2199-12-31', 'A follow-up date can be at most two years ahead (2028-03-15).'],
  ])('%s → %s', (date, problem) => {
    expect(followUpProblem(date, today)).toBe(problem);
  });
});

describe('recovered amounts', () => {
  it.each([
    [1, 3_800, 'resolved_partial', null],
    [3_799, 3_800, 'resolved_partial', null],
    [3_800, 3_800, 'resolved_paid', null],
    [0, 3_800, 'resolved_partial', 'Enter an amount of at least $0.01. Nothing recovered is not a payment: record the outcome instead.'],
    [3_801, 3_800, 'resolved_paid', 'The payer cannot have paid more than the denied amount ($38).'],
    [1_000_000_000_000_000, 3_800, 'resolved_paid', 'The payer cannot have paid more than the denied amount ($38).'],
    [3_800, 3_800, 'resolved_partial', '$38 is the whole denied amount: mark it paid in full instead.'],
  ] as const)('%i of %i as %s → %s', (recovered, denied, status, problem) => {
    expect(recoveredAmountProblem(recovered, denied, status)).toBe(problem);
  });
});

describe('limits as people read them', () => {
  it.each([
    [256 * 1024, '256 KB'],
    [200 * 1024 * 1024, '200 MB'],
    [100, '100 bytes'],
    // Never rounded: 1,536 bytes is not "2 KB".
    [1536, '1536 bytes'],
  ])('%i → %s', (bytes, text) => {
    expect(sizeText(bytes)).toBe(text);
  });
});
