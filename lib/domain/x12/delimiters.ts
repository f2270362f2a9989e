// Delimiters come from the ISA header, never from assumptions (X12.5 / 005010X221A1 appendix B):
// the element separator is the 4th character, the component separator is ISA16, and the segment terminator
// is the character right after ISA16. A conforming ISA is exactly 106 characters; some senders do not pad
// ISA06/ISA08, so the 16 separators are counted instead of trusting fixed offsets, with a warning.
import { fail } from './issues';
import type { Delimiters } from './types';

export const ISA_LENGTH = 106;
/** How far to look for the end of a header before calling it garbage. */
const HEADER_SCAN_LIMIT = 512;

function isAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

export interface IsaHeader {
  delimiters: Delimiters;
  /** Index of the ISA's segment terminator. */
  terminatorAt: number;
  /** Length of the ISA including its terminator: 106 when conforming. */
  length: number;
}

const at = { segmentIndex: 1, segmentId: 'ISA' };

/** Reads the ISA at `start`; null when more text is needed (only while more can still come). */
export function readIsa(text: string, start: number, atEof: boolean, segmentIndex: number): IsaHeader | null {
  const where = { ...at, segmentIndex };
  const separatorAt = start + 3;
  if (separatorAt >= text.length) return atEof ? fail('envelope', where, 'an ISA of 106 characters', text.slice(start)) : null;
  const separator = text.charCodeAt(separatorAt);
  if (isAlphanumeric(separator) || isBlank(separator) || separator === 10 || separator === 13) {
    fail('envelope', { ...where, element: 1 }, 'an element separator after "ISA"', text.charAt(separatorAt));
  }
  let seen = 1;
  let i = separatorAt + 1;
  const limit = Math.min(text.length, start + HEADER_SCAN_LIMIT);
  for (; i < limit && seen < 16; i++) if (text.charCodeAt(i) === separator) seen++;
  // i is now just past the separator before ISA16; ISA16 and the terminator follow it.
  if (seen < 16 || i + 1 >= text.length) {
    if (!atEof && text.length < start + HEADER_SCAN_LIMIT) return null;
    fail('envelope', { ...where, element: seen }, 'an ISA of 16 elements (106 characters)', text.slice(start, start + 120),
      `expected an ISA of 16 elements (106 characters), found ${seen} element(s) in ${Math.min(text.length, limit) - start} characters`);
  }
  const component = text.charCodeAt(i);
  const terminator = text.charCodeAt(i + 1);
  if (isAlphanumeric(component) || isBlank(component) || component === separator) {
    fail('envelope', { ...where, element: 16 }, 'a component separator', text.charAt(i));
  }
  if (isAlphanumeric(terminator) || isBlank(terminator) || terminator === separator || terminator === component) {
    fail('envelope', { ...where, element: 16 }, 'a segment terminator right after ISA16', text.charAt(i + 1));
  }
  const isa11 = fieldBefore(text, start, separator, 11);
  return {
    delimiters: {
      element: String.fromCharCode(separator),
      component: String.fromCharCode(component),
      // 4010 used ISA11 as the standards identifier ('U'); from 00402 on it is the repetition separator.
      repetition: isa11.length === 1 && !isAlphanumeric(isa11.charCodeAt(0)) ? isa11 : null,
      segment: String.fromCharCode(terminator),
    },
    terminatorAt: i + 1,
    length: i + 2 - start,
  };
}

function fieldBefore(text: string, start: number, separator: number, element: number): string {
  let from = start + 3;
  for (let k = 1; k < element; k++) from = text.indexOf(String.fromCharCode(separator), from + 1);
  const to = text.indexOf(String.fromCharCode(separator), from + 1);
  return from < 0 || to < 0 ? '' : text.slice(from + 1, to);
}

/**
 * A file with no ISA that starts at ST (or GS): the element separator is the character after the id and the
 * terminator is the first character after it that can be neither data nor separator. The component separator
 * cannot be seen there, so it is the usual ':'. Null when more text is needed.
 */
export function detectWithoutIsa(text: string, start: number, atEof: boolean, segmentIndex: number, id: string): Delimiters | null {
  const where = { segmentIndex, segmentId: id };
  const separatorAt = start + id.length;
  if (separatorAt >= text.length) return atEof ? fail('truncated', where, `an element separator after "${id}"`, null) : null;
  const separator = text.charCodeAt(separatorAt);
  if (isAlphanumeric(separator) || isBlank(separator)) fail('not-x12', { ...where, element: 1 }, `an element separator after "${id}"`, text.charAt(separatorAt));
  const limit = Math.min(text.length, start + HEADER_SCAN_LIMIT);
  for (let i = separatorAt + 1; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (isAlphanumeric(c) || c === separator || isBlank(c)) continue;
    if (c === 58) continue; // ':' is taken to be the component separator, so it cannot also end segments
    return { element: String.fromCharCode(separator), component: ':', repetition: null, segment: String.fromCharCode(c) };
  }
  if (!atEof && text.length < start + HEADER_SCAN_LIMIT) return null;
  return fail('truncated', where, 'a segment terminator', text.slice(start, limit));
}
