// Dates on the wire: one schema for every date taken from outside (forms, URLs, cursors), so each is a real
// calendar day within DATE_YEARS (1900–2199) or a 422 that says so — never a value the database refuses (year 0)
// or stores without meaning (9999-12-31).
import { z } from 'zod';
import { DATE_YEARS, inDateYears } from '../dates';

const YEARS_MESSAGE = `Enter a date between ${DATE_YEARS.min} and ${DATE_YEARS.max}`;

/** 'YYYY-MM-DD', a real calendar day, within DATE_YEARS. */
export function isoDateInput(message = 'Enter a date as YYYY-MM-DD') {
  return z.iso.date(message).refine(inDateYears, YEARS_MESSAGE);
}

/** An ISO date-time with its offset (timestamps in keyset cursors), within DATE_YEARS. */
export function isoDateTimeInput() {
  return z.iso.datetime({ offset: true }).refine(inDateYears, YEARS_MESSAGE);
}
