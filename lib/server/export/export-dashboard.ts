import 'server-only';
import { type DashboardParams, dashboardPeriod } from '@/lib/domain/contracts/dashboard';
import { type CsvCell, moneyCell } from '@/lib/domain/csv-cells';
import { type DashboardCsvRow, UNIT, dashboardCsvRows } from '@/lib/domain/dashboard-tables';
import type { IsoDate } from '@/lib/domain/dates';
import type { Actor } from '@/lib/domain/permissions';
import { authorize } from '../authorize';
import { AppError } from '../errors';
import { dashboardMetrics } from '../metrics/dashboard';
import { csvExport } from './csv-export';

const HEADER = ['Table', 'Row', 'Measure', 'Value', 'Unit'];

/** Money in dollars from cents (a per-day average may carry a fraction of a cent: rounded as the page shows it). */
function cells(r: DashboardCsvRow): CsvCell[] {
  const money = r.format === 'usd' || r.format === 'usdPerDay';
  const value = r.value === null ? null : money ? moneyCell(Math.round(r.value)) : r.value;
  return [r.table, r.row, r.measure, value, UNIT[r.format]];
}

/**
 * The dashboard's tables for the same period and filters, as a CSV download (GET /api/exports/dashboard): the
 * numbers come from dashboardMetrics itself (its reach, its metrics.view audit), so the file and the page cannot
 * disagree. Sums, not patients: a few hundred rows, streamed by the same helper as every export and audited with
 * the row count.
 */
export async function exportDashboard(actor: Actor, params: DashboardParams, today: IsoDate): Promise<Response> {
  authorize(actor, 'export_lists', undefined, 'Your role cannot export lists.');
  authorize(actor, 'view_metrics', undefined, 'Your role does not include the dashboard.');
  const period = dashboardPeriod(params, today);
  if ('error' in period) throw new AppError('invalid_input', period.error);
  const { from: _from, to: _to, ...filters } = params;
  const dto = await dashboardMetrics(actor, period, filters, today);
  const rows = dashboardCsvRows(dto);
  return csvExport(actor, {
    list: 'dashboard',
    filename: `denial-dashboard-${period.from}-to-${period.to}.csv`,
    header: HEADER,
    batches: (async function* () {
      yield rows;
    })(),
    toCells: cells,
    phi: false,
    details: { ...filters, from: period.from, to: period.to },
  });
}
