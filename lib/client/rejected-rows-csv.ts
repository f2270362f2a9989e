import { toCsv } from '@/lib/domain/csv';
import { neutraliseText } from '@/lib/domain/csv-cells';
import type { RejectedRow } from '@/lib/domain/contracts/imports';

/**
 * The rejected rows of a CSV import as a CSV file (line, reason). A reason can quote a cell of the upload; one
 * that starts like a formula is neutralised (csv-cells.ts) so a spreadsheet shows it instead of running it.
 */
export function rejectedRowsCsv(rows: readonly RejectedRow[]): string {
  return toCsv([['line', 'reason'], ...rows.map((r) => [String(r.line), neutraliseText(r.reason)])]);
}

export function rejectedRowsFilename(filename: string): string {
  return `${filename.replace(/\.[^.]*$/, '')}-rejected-rows.csv`;
}
