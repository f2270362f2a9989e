// Calendar dates as ISO 'YYYY-MM-DD' strings. Remittance dates (service, notice, deadline) are calendar
// days with no time zone, so this is plain day arithmetic on a proleptic Gregorian calendar — no Date
// object, so no local-time offset and no two-digit-year quirk (Date.UTC(99, 0, 1) is 1999) can creep in.

/** An ISO calendar date, 'YYYY-MM-DD'. Validate untrusted input with parseIsoDate. */
export type IsoDate = string;

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay counts. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The date if `text` is a real calendar day in 'YYYY-MM-DD' form (years 0001–9999), else null. */
export function parseIsoDate(text: string): IsoDate | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return text;
}

/**
 * The years a date from outside may fall in. Wide enough for any patient's birth or any claim, appeal or
 * follow-up, narrow enough that a typo (0024, 20255) or a sentinel (0000-01-01, 9999-12-31) is refused before
 * it reaches the database, which has no year 0 and would store 9999 as if it meant something.
 */
export const DATE_YEARS = { min: 1900, max: 2199 } as const;

/** Whether an ISO date (or the date part of an ISO date-time) lies within DATE_YEARS. */
export function inDateYears(text: string): boolean {
  const year = Number(text.slice(0, 4));
  return /^\d{4}-/.test(text) && year >= DATE_YEARS.min && year <= DATE_YEARS.max;
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

function parts(date: IsoDate): { year: number; month: number; day: number } {
  if (parseIsoDate(date) === null) throw new RangeError(`Not an ISO calendar date: "${date}"`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function format(year: number, month: number, day: number): IsoDate {
  if (year < 1 || year > 9999) throw new RangeError(`Year out of range: ${year}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days since 1970-01-01 (negative before). H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil. */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Inverse of toDayNumber (civil_from_days, same source). */
export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`Not a whole day: ${dayNumber}`);
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return format(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function diffDays(to: IsoDate, from: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * Same day `months` later; a day that does not exist in the target month is clamped to its last day
 * (2024-02-29 + 12 months = 2025-02-28, 2025-01-31 + 1 month = 2025-02-28) — never spills into the next
 * month, so a "12 months" limit is never reported later than it is.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`Not a whole number of months: ${months}`);
  const { year, month, day } = parts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return format(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

export function weekday(date: IsoDate): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(date) + 4) % 7) + 7) % 7) as Weekday;
}

export function isWeekend(date: IsoDate): boolean {
  const day = weekday(date);
  return day === 0 || day === 6;
}

/** The date itself on a weekday; the following Monday on a Saturday or Sunday. Holidays are not known here. */
export function rollToWeekday(date: IsoDate): IsoDate {
  const day = weekday(date);
  return day === 6 ? addDays(date, 2) : day === 0 ? addDays(date, 1) : date;
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return toDayNumber(a) - toDayNumber(b);
}
