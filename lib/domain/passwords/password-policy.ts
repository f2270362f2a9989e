// Which passwords may be set — OWASP ASVS 5 V6.2: at least 12 characters and up to 128 (≥ 64 required), any
// characters, no composition rules (6.2.5), refused when it is a common or breached password (6.2.4, 6.2.12) or
// built on a context word (6.1.2, 6.2.11). Reasons come back as data; the form shows each one's message.
import { COMMON_PASSWORDS } from './common-passwords';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;
/**
 * What a request may carry in a password field, in UTF-16 units: room for 128 code points of up to two units each
 * and then some. Only a bound on input; the policy above decides what may be set.
 */
export const MAX_PASSWORD_INPUT = 1024;

/** Shown under every field where a password is set. */
export const PASSWORD_HINT = `At least ${MIN_PASSWORD_LENGTH} characters, any you like. A passphrase of a few unrelated words is fine.`;

/**
 * The one spelling a password is hashed and verified in: Unicode NFKC (NIST SP 800-63B 5.1.1.2), so the same
 * passphrase typed on two keyboards — composed "é" or e + combining accent, a full-width digit — is one password.
 */
export function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** How passwords are compared with the list and context words: normalised, case folded. */
export function comparableForm(password: string): string {
  return normalizePassword(password).toLowerCase();
}

/** Words of the product itself (ASVS 6.1.2's documented list); the user's own name and email are added per check. */
export const CONTEXT_WORDS = ['overturn'] as const;

// Shorter fragments ("Al", "jo") occur inside too many good passphrases to refuse them.
const MIN_CONTEXT_WORD = 4;

export type PasswordProblem = 'too_short' | 'too_long' | 'one_character' | 'common' | 'context';

export const PASSWORD_PROBLEM_MESSAGE: Record<PasswordProblem, string> = {
  too_short: `Too short — use at least ${MIN_PASSWORD_LENGTH} characters.`,
  too_long: `Too long — use at most ${MAX_PASSWORD_LENGTH} characters.`,
  one_character: 'Only one character repeated — easy to guess.',
  common: 'Too common — it appears in lists of breached passwords.',
  context: 'Too close to the user’s name or email, or the product’s name.',
};

export interface PasswordContext {
  email?: string | null;
  name?: string | null;
}

let common: Set<string> | undefined;
const isCommon = (comparable: string) => (common ??= new Set(COMMON_PASSWORDS)).has(comparable);

/** The words a password must not contain: the product's, and those of the person it is for. */
export function contextWords({ email, name }: PasswordContext): string[] {
  const local = email?.split('@')[0] ?? '';
  const words = [...CONTEXT_WORDS, local, ...local.split(/[._+-]+/), name?.replace(/\s+/g, '') ?? '', ...(name?.split(/[^\p{L}\p{N}]+/u) ?? [])];
  return [...new Set(words.map(comparableForm).filter((w) => [...w].length >= MIN_CONTEXT_WORD))];
}

/** Every reason the password may not be set; empty when it may. Lengths count code points, not UTF-16 units. */
export function passwordProblems(password: string, context: PasswordContext = {}): PasswordProblem[] {
  const comparable = comparableForm(password);
  const codePoints = [...normalizePassword(password)];
  const problems: PasswordProblem[] = [];
  if (codePoints.length < MIN_PASSWORD_LENGTH) problems.push('too_short');
  if (codePoints.length > MAX_PASSWORD_LENGTH) problems.push('too_long');
  if (codePoints.length > 0 && new Set(codePoints).size === 1) problems.push('one_character');
  if (isCommon(comparable)) problems.push('common');
  if (contextWords(context).some((word) => comparable.includes(word))) problems.push('context');
  return problems;
}
