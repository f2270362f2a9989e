import { describe, expect, it } from 'vitest';
import { COMMON_PASSWORDS } from '@/lib/domain/passwords/common-passwords';
import { MAX_PASSWORD_LENGTH, normalizePassword, passwordProblems } from '@/lib/domain/passwords/password-policy';

const person = { email: 'morgan.reyes@clinic.example', name: 'Morgan Reyes' };

describe('passwords that may not be set (OWASP ASVS 5 V6.2)', () => {
  it.each([
    ['twelve spaces', ' '.repeat(12), ['one_character']],
    ['one letter twelve times', 'aaaaaaaaaaaa', ['one_character']],
    ['a breached password', 'password1234', ['common']],
    ['a breached password in other case', 'PassWord1234', ['common']],
    ['a breached password typed full-width', 'ｐａｓｓｗｏｒｄ１２３４', ['common']],
    ['eleven characters', 'abcdefghijk', ['too_short']],
    ['eleven emoji (22 UTF-16 units)', '😀🙂😃😄😁😆😅🤣😂🙃😉', ['too_short']],
    ['empty', '', ['too_short']],
    ['the user’s first name inside', 'xx-morgan-rules-xx', ['context']],
    ['the user’s surname in capitals', 'bestREYESever22', ['context']],
    ['the email’s local part', 'morgan.reyes-2026!', ['context']],
    ['the product’s name', 'i-love-overturn', ['context']],
    ['the demo password (finding: the product name is a context word)', 'overturn-demo', ['context']],
  ])('refuses %s', (_, password, problems) => {
    expect(passwordProblems(password, person)).toEqual(problems);
  });

  it('refuses more than 128 characters', () => {
    expect(passwordProblems('correct horse '.repeat(10), person)).toEqual(['too_long']);
  });

  it('names every problem at once', () => {
    expect(passwordProblems('aaaa', person)).toEqual(['too_short', 'one_character']);
  });
});

describe('passwords that may be set', () => {
  it.each([
    ['a 64-character passphrase', 'the quick brown fox tiptoes past seven sleepy hounds at dawn ok!'],
    ['a non-ASCII passphrase', 'Grüße aus Köln, schöne Straße'],
    ['a passphrase in another script', 'котик любит молоко утром'],
    ['twelve emoji', '😀🙂😃😄😁😆😅🤣😂🙃😉😊'],
    ['exactly 128 characters', 'x'.repeat(127) + 'y'],
    ['a short name is no context word', 'al-and-jo-went-hiking'],
    ['the e2e fixtures’ password', 'e2e-fixture-password'],
  ])('accepts %s', (_, password) => {
    expect(passwordProblems(password, { email: 'al@clinic.example', name: 'Al Jo' })).toEqual([]);
  });

  it('tests the 64-character case with 64 characters', () => {
    expect([...'the quick brown fox tiptoes past seven sleepy hounds at dawn ok!']).toHaveLength(64);
    expect(MAX_PASSWORD_LENGTH).toBeGreaterThanOrEqual(64);
  });
});

describe('normalisation', () => {
  it('treats a composed and a decomposed accent as the same password', () => {
    expect(normalizePassword('Stra\u00dfe caf\u00e9')).toBe(normalizePassword('Stra\u00dfe cafe\u0301'));
  });

  it('ships only entries the length rule would not already refuse, in the form compared', () => {
    expect(COMMON_PASSWORDS.length).toBeGreaterThan(300);
    for (const entry of COMMON_PASSWORDS) {
      expect([...entry].length).toBeGreaterThanOrEqual(12);
      expect(entry).toBe(entry.normalize('NFKC').toLowerCase());
    }
  });
});
