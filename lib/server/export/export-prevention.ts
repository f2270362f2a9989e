import 'server-only';
import { PREVENTION_STATUS_LABEL, type PreventionIssueDto } from '@/lib/domain/contracts/prevention';
import type { CsvCell } from '@/lib/domain/csv-cells';
import type { IsoDate } from '@/lib/domain/dates';
import { categoryLabel, departmentLabel } from '@/lib/domain/labels';
import type { Actor } from '@/lib/domain/permissions';
import { authorize } from '../authorize';
import { listPreventionIssues } from '../prevention/list-prevention-issues';
import { LINK_WINDOW_DAYS } from '../prevention/issue-denials-sql';
import { csvExport } from './csv-export';

const HEADER = [
  'Issue', 'Cause (category)', 'CARC', 'Payer', 'Responsible department', 'Action taken', 'Action date', 'Owner', 'Due date', 'Status', 'Result',
  `Denials with this cause, last ${LINK_WINDOW_DAYS} days`, 'Full months before', 'Mean per month before', 'Full months after', 'Mean per month after', 'Change',
];

/** Averages to one decimal and the change as a signed percent: the numbers the issue's page shows. */
function cells(i: PreventionIssueDto): CsvCell[] {
  const t = i.trend;
  const fullAfter = t ? t.after.filter((m) => !m.partial).length : null;
  const mean = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 10) / 10);
  return [
    i.title, categoryLabel(i.category), i.carcCode, i.payerName, i.responsibleDepartment ? departmentLabel(i.responsibleDepartment) : null,
    i.actionTaken, i.actionDate, i.ownerName, i.dueDate, PREVENTION_STATUS_LABEL[i.status], i.result, i.linkedCount,
    t ? t.before.length : null, mean(t?.beforeAverage), fullAfter, mean(t?.afterAverage),
    t?.change === null || t?.change === undefined ? null : `${t.change > 0 ? '+' : ''}${Math.round(t.change * 100)}%`,
  ];
}

/**
 * The prevention log as a CSV download (GET /api/exports/prevention): every issue with its linked count and its
 * before/after means, from listPreventionIssues itself (so file and page agree). Counts, no patients — but only
 * a role that both reads the log and exports lists takes it away: managers (front desk reads it and exports nothing).
 */
export async function exportPrevention(actor: Actor, today: IsoDate): Promise<Response> {
  authorize(actor, 'export_lists', undefined, 'Your role cannot export lists.');
  authorize(actor, 'view_feedback', undefined, 'Your role does not include the prevention log.');
  const log = await listPreventionIssues(actor, today);
  return csvExport(actor, {
    list: 'prevention',
    filename: `prevention-log-${today}.csv`,
    header: HEADER,
    batches: (async function* () {
      yield log.issues;
    })(),
    toCells: cells,
    phi: false,
    details: { issues: log.issues.length },
  });
}
