// Text on the wire: one rule for every string a person or a file hands us. NUL and the other C0 controls
// (U+0000–U+001F), DEL and the C1 controls (U+007F–U+009F) are REFUSED with a message, never silently stripped —
// names included: stripping would store something other than what was typed, and two different names (a saved
// view's, which is unique per user) could collapse into one. PostgreSQL refuses NUL in text outright (a 500
// before this rule); the others are invisible in the UI, in CSV exports and in audit records.
// Multi-line text (notes, reasons) keeps tab, line feed and carriage return.
import { z } from 'zod';

const ANY_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_BUT_LINE_BREAKS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

export type TextLines = 'one-line' | 'multi-line';

/** The first control character `text` holds that `lines` does not allow, as "U+0000", or null. */
export function controlCharacterIn(text: string, lines: TextLines = 'one-line'): string | null {
  const found = (lines === 'one-line' ? ANY_CONTROL : CONTROL_BUT_LINE_BREAKS).exec(text);
  return found ? `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : null;
}

export function controlCharacterMessage(found: string, lines: TextLines = 'one-line'): string {
  return lines === 'one-line'
    ? `Remove the control character (${found}): use one line of plain text`
    : `Remove the control character (${found}): text, tabs and line breaks only`;
}

/** A string schema (with its own length and trim rules) that also refuses control characters. */
export function plainText<T extends z.ZodString>(schema: T, lines: TextLines = 'one-line'): T {
  return schema.superRefine((text, ctx) => {
    const found = controlCharacterIn(text, lines);
    if (found) ctx.addIssue({ code: 'custom', message: controlCharacterMessage(found, lines) });
  }) as T;
}
