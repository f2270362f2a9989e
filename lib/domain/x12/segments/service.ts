// SVC opens loop 2110 (service payment information) — 005010X221A1: SVC01 composite procedure
// (qualifier : code : up to 4 modifiers : description), SVC02 billed, SVC03 paid, SVC04 NUBC revenue code,
// SVC05 units paid, SVC06 original procedure when adjudicated under another code, SVC07 original units.
import { issue } from '../issues';
import { appended, EMPTY } from '../lists';
import { ownString } from '../own-string';
import type { SegmentView } from '../segment';
import type { Procedure, ServiceLine } from '../types';
import { componentRanges, hasComponent, MAX_COMPONENTS } from './composite';
import type { ReadContext } from './context';

const NO_BALANCE = { ok: true, expectedCents: 0, actualCents: 0, differenceCents: 0 };
const SVC_ELEMENTS = 7;

export function readServiceLine(view: SegmentView, context: ReadContext): ServiceLine {
  const procedure = readProcedure(view, 1, context);
  if (procedure === null) return view.reject('value', 1, 'a procedure (qualifier and code, e.g. HC:99213)');
  if (view.count > SVC_ELEMENTS && context.firstTime('svc-elements')) {
    context.warn(issue('odd-value', view.at(SVC_ELEMENTS + 1), `at most ${SVC_ELEMENTS} SVC elements`, view.str(SVC_ELEMENTS + 1),
      `SVC has ${view.count} elements, at most ${SVC_ELEMENTS} expected: the rest are ignored`));
  }
  return {
    segmentIndex: view.index,
    procedure,
    billedCents: requiredAmount(view, 2, 'billed', context),
    paidCents: requiredAmount(view, 3, 'paid', context),
    revenueCode: view.intern(4),
    units: view.optQuantity(5),
    originalProcedure: readProcedure(view, 6, context),
    originalUnits: view.optQuantity(7),
    serviceDate: null,
    serviceDateFrom: null,
    serviceDateTo: null,
    lineControlNumber: null,
    allowedCents: null,
    adjustments: EMPTY,
    remarkCodes: EMPTY,
    amounts: EMPTY,
    references: EMPTY,
    balance: NO_BALANCE,
  };
}

/** SVC02/03 are required; some senders leave them empty on a zero line, which is read as 0 with a warning. */
function requiredAmount(view: SegmentView, k: number, what: string, context: ReadContext): number {
  if (view.has(k)) return view.cents(k);
  context.warn(issue('odd-value', view.at(k), `the ${what} amount`, null, `expected the ${what} amount, found nothing: taken as 0`));
  return 0;
}

const ranges = new Int32Array(2 * MAX_COMPONENTS);

/**
 * A composite procedure. ISA16 is the component separator, but some senders write '>' (the usual ISA16)
 * while declaring ':' — when the composite has no declared separator and its third character is punctuation
 * after a two-character qualifier, that character is used, with one warning per transaction.
 */
function readProcedure(view: SegmentView, k: number, context: ReadContext): Procedure | null {
  if (!view.has(k)) return null;
  let separator = view.component.charCodeAt(0);
  const third = view.to(k) - view.from(k) > 3 ? view.chars[view.from(k) + 2]! : 0;
  if (third !== separator && isPunctuation(third) && !hasComponent(view, k, separator)) {
    separator = third;
    if (context.firstTime('component-separator')) {
      const raw = view.str(k);
      context.warn(issue('odd-value', view.at(k), `components separated by ${JSON.stringify(view.component)} (ISA16)`, raw,
        `expected components separated by ${JSON.stringify(view.component)} (ISA16), found ${JSON.stringify(raw)}: read with ${JSON.stringify(String.fromCharCode(third))}`));
    }
  }
  const count = componentRanges(view, k, separator, ranges);
  const code = componentAt(view, count, 1) ?? '';
  if (code === '' && context.firstTime('procedure-code')) {
    context.warn(issue('odd-value', view.at(k), 'a procedure code after the qualifier', view.str(k)));
  }
  let modifiers: readonly string[] = EMPTY;
  for (let m = 2; m < count && m <= 5; m++) {
    const modifier = componentAt(view, count, m);
    if (modifier !== null) modifiers = appended(modifiers, modifier);
  }
  return { qualifier: componentAt(view, count, 0) ?? '', code, modifiers, description: componentAt(view, count, 6, false) };
}

/**
 * Component i of the last componentRanges() call, trimmed; null when absent or blank. A code (qualifier,
 * procedure, modifier) is shared and read upper-case; free text (the description) is kept as written.
 */
function componentAt(view: SegmentView, count: number, i: number, isCode = true): string | null {
  if (i >= count) return null;
  let from = ranges[2 * i]!;
  let to = ranges[2 * i + 1]!;
  const chars = view.chars;
  while (from < to && chars[from] === 32) from++;
  while (to > from && chars[to - 1] === 32) to--;
  if (from === to) return null;
  return isCode ? view.internAt(from, to) : ownString(view.text.slice(from, to));
}

function isPunctuation(c: number): boolean {
  return c > 32 && c < 127 && !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122));
}
