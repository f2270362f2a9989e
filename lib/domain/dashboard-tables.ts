// The dashboard's tables as rows for a CSV download: the same headlines and sections the page draws
// (dashboard-sections.ts), one number a row ("tidy": table, row, measure, value, unit) so a spreadsheet can filter
// and pivot them. Numbers stay unformatted: money in cents (the export writes dollars from them), rates as fractions.
import type { DashboardDto } from './contracts/dashboard';
import { type ValueFormat, headlines, sections } from './dashboard-sections';

export interface DashboardCsvRow {
  table: string;
  row: string;
  measure: string;
  value: number | null;
  format: ValueFormat;
}

/** The unit column of the CSV, in words a spreadsheet user reads. */
export const UNIT: Record<ValueFormat, string> = {
  usd: 'USD',
  count: 'count',
  percent: 'fraction (0–1)',
  days: 'days',
  perDay: 'per working day',
  usdPerDay: 'USD per working day',
};

/** Every number of the dashboard, headline numbers first (this period, then the prior one), in page order. */
export function dashboardCsvRows(dto: DashboardDto): DashboardCsvRow[] {
  const rows: DashboardCsvRow[] = [];
  const table = 'Headline numbers';
  for (const h of headlines(dto)) {
    rows.push({ table, row: h.title, measure: `This period (${dto.period.from} to ${dto.period.to})`, value: h.current.value, format: h.format });
    rows.push({ table, row: h.title, measure: `Prior period (${dto.prior.from} to ${dto.prior.to})`, value: h.prior.value, format: h.format });
  }
  for (const s of sections(dto)) {
    for (const r of s.rows) {
      for (const x of s.series) rows.push({ table: s.title, row: r.label, measure: x.name, value: r.values[x.key]?.value ?? null, format: x.format });
    }
  }
  return rows;
}
