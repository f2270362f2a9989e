// The queue's search box: part of a patient's name, a claim number (the patient control number or the payer's
// claim number) or a member id. The database folds case and accents on both sides (denial_search_fold, migration
// 20261205140200_denial_search_index); this file decides what a term may contain and splits it into the words
// that must all appear, so "john williams" finds "WILLIAMS, JOHN".

/** Shorter than three characters a trigram index cannot narrow anything down: every row would be read. */
export const SEARCH_MIN_LENGTH = 3;
export const SEARCH_MAX_LENGTH = 60;
const MAX_WORDS = 6;

/**
 * Letters (any script, with accents), digits, spaces and the punctuation names and claim numbers carry. Never
 * `|`, which separates the fields of the searchable text, so a match cannot span two fields; never `%` or `\`.
 */
export const SEARCH_CHARACTERS = /^[\p{L}\p{M}\p{N} .,'’\-_/#]*$/u;

/** Trims and collapses runs of spaces: "  Williams,   JOHN " -> "Williams, JOHN". */
export function tidySearch(term: string): string {
  return term.trim().replace(/\s+/g, ' ');
}

/** Why a tidied term cannot be searched, or null when it can. */
export function searchProblem(term: string): string | null {
  if (term.length > SEARCH_MAX_LENGTH) return `A search is at most ${SEARCH_MAX_LENGTH} characters`;
  if (!SEARCH_CHARACTERS.test(term)) return 'A search is letters, digits, spaces and . , \' - _ / #';
  if (!searchWords(term).some((w) => w.length >= SEARCH_MIN_LENGTH)) return `A search needs a word of at least ${SEARCH_MIN_LENGTH} letters or digits`;
  return null;
}

/** The words that must all appear (split at spaces and commas), at most six, each as typed. */
export function searchWords(term: string): string[] {
  return [...new Set(term.split(/[\s,]+/).filter(Boolean))].slice(0, MAX_WORDS);
}

/** A word as a LIKE pattern matching it anywhere: `_` is a literal underscore in a claim number, not a wildcard. */
export function containsPattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
