// An appeal letter as drafted from a template (docs/decisions/0020-appeal-letters.md): the template's merge, plus
// the letterhead every printed letter carries above its text (lib/server/appeals/letter-pdf.ts and the printable
// page print it from the organisation's settings). A letterhead field with no value is reported like any merge
// field, by name, before anything is stored — whether or not the template names it.
import type { LetterFacts, MergeResult, MissingField } from './letter-merge';
import { MERGE_FIELDS, mergeLetter } from './letter-merge';

/** The organisation fields the letterhead prints on every letter. */
export const LETTERHEAD_FIELDS = ['organization.name', 'organization.address', 'organization.npi', 'organization.tin', 'organization.contact'] as const;

/** The letter's largest body (the editable draft): ten times the longest starter letter. */
export const MAX_LETTER_BODY = 100_000;

/** What the letterhead lacks, in the fields' order. */
export function letterheadMissing(facts: LetterFacts): MissingField[] {
  return LETTERHEAD_FIELDS.flatMap((field) => {
    const { label, value } = MERGE_FIELDS[field]!;
    const v = value(facts);
    return 'missing' in v ? [{ field, label, why: v.missing }] : [];
  });
}

/** The template merged with the facts, refused when the letterhead or any field the template names has no value. */
export function draftAppealLetter(template: string, facts: LetterFacts): MergeResult {
  const merged = mergeLetter(template, facts);
  const head = letterheadMissing(facts);
  if (merged.ok && head.length === 0) return merged;
  const missing = merged.ok ? [] : merged.missing;
  const named = new Set(missing.map((m) => m.field));
  return { ok: false, missing: [...head.filter((m) => !named.has(m.field)), ...missing], unknown: merged.ok ? [] : merged.unknown };
}

/** "Claim CLM-0042 · Level 1 appeal": the letter's title (the PDF's, the page's). */
export const letterTitle = (claimNumber: string, levelName: string): string => `Appeal — claim ${claimNumber} · ${levelName}`;

/** A filename for the letter's PDF that every browser and file system accepts: ASCII letters, digits, dash, dot. */
export function letterFilename(claimNumber: string, level: string): string {
  const claim = claimNumber.normalize('NFKD').replace(/[^A-Za-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'claim';
  const lvl = /^\d$/.test(level) ? `L${level}` : level.replace(/[^A-Za-z0-9]+/g, '').slice(0, 12) || 'appeal';
  return `appeal-letter-${claim}-${lvl}.pdf`;
}
