// Cells of the CSV files people download (queue, audit trail, rejected rows) and open in a spreadsheet.
// OWASP "CSV Injection": a cell a spreadsheet reads as a formula (= + - @, or tab / carriage return that some
// spreadsheets skip before one) can run commands or leak data when the file is opened. Text that came from
// outside — a patient name from an 835, a reason quoting an upload — is therefore prefixed with a single quote,
// which spreadsheets show as text. Amounts are not text: we write them from integer cents, so a negative
// amount stays a number a spreadsheet can add up.
import { quoteField } from './csv';
import { assertCents } from './money';

export { quoteField } from './csv';

/** The first characters a spreadsheet may read as the start of a formula (and their full-width forms). */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Money from integer cents, written by us: "-12.50". Never neutralised. */
export interface MoneyCell {
  cents: number;
}

/** A cell: text from anywhere (neutralised), a number we computed, money from cents, or empty. */
export type CsvCell = string | number | MoneyCell | null;

export const moneyCell = (cents: number | bigint | string): MoneyCell => ({ cents: Number(cents) });

/** Text as a spreadsheet will show it, never run it: a formula-like start gets a leading apostrophe. */
export function neutraliseText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** Integer cents as a plain decimal with two places ("1234.50", "-12.50"): exact, no float arithmetic. */
export function centsToDecimal(cents: number): string {
  assertCents(cents);
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

export function cellText(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return neutraliseText(cell);
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`a CSV number must be finite, got ${cell}`);
    return String(cell);
  }
  return centsToDecimal(cell.cents);
}

/** One record, CRLF-terminated (RFC 4180 §2.1), every cell neutralised or typed, then quoted as needed. */
export function csvRow(cells: readonly CsvCell[]): string {
  return `${cells.map((c) => quoteField(cellText(c))).join(',')}\r\n`;
}
