// The dashboard's tables as plain cells, for the CSV export another part wires: the same headlines and sections
// the page draws (dashboard-sections.ts), numbers unformatted (cents, rates as fractions, days).
import type { DashboardDto } from './contracts/dashboard';
import { headlines, sections } from './dashboard-sections';

export interface PlainTable {
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}

/** Every table of the dashboard, headline numbers first, in page order. */
export function dashboardTables(dto: DashboardDto): PlainTable[] {
  const heads: PlainTable = {
    title: 'Headline numbers',
    columns: ['Metric', 'Format', 'This period', 'Prior period'],
    rows: headlines(dto).map((h) => [h.title, h.format, h.current.value, h.prior.value]),
  };
  return [
    heads,
    ...sections(dto).map((s) => ({
      title: s.title,
      columns: ['', ...s.series.map((x) => `${x.name} (${x.format})`)],
      rows: s.rows.map((r) => [r.label, ...s.series.map((x) => r.values[x.key]?.value ?? null)]),
    })),
  ];
}
