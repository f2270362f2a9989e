// An amount on the wire is the exact text a person typed ("1,234.56"), never a float: the schema parses it
// into integer cents with the same function the browser checks it with (parseEnteredAmount), so the server
// refuses exactly what the form refuses, with the same reason.
import { z } from 'zod';
import { MAX_ENTERED_CENTS, parseEnteredAmount } from '../money';

/** Text in, integer cents out; refused with the reason a person can act on. */
export function enteredAmount(maxCents = MAX_ENTERED_CENTS) {
  return z.string().transform((text, ctx) => {
    const parsed = parseEnteredAmount(text, maxCents);
    if (parsed.ok) return parsed.cents;
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  });
}
