import { dayLabel } from '@/components/feedback/month-label';
import { Badge } from '@/components/ui/badge';
import type { PreventionIssueDto } from '@/lib/domain/contracts/prevention';
import { categoryLabel, departmentLabel } from '@/lib/domain/labels';
import { BeforeAfterTable } from './before-after-table';
import { STATUS_LABEL, STATUS_TONE } from './status-label';

/** One issue as read: cause, payer, who, what was done, and what it changed. */
export function IssueSummary({ issue, today }: { issue: PreventionIssueDto; today: string }) {
  const overdue = issue.dueDate !== null && issue.status !== 'done' && issue.dueDate < today;
  return (
    <div className="space-y-2 p-4 text-sm">
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone={STATUS_TONE[issue.status]}>{STATUS_LABEL[issue.status]}</Badge>
        <span>
          {categoryLabel(issue.category)}
          {issue.carcCode ? ` · CARC ${issue.carcCode}` : ''} · {issue.payerName ?? 'every payer'}
        </span>
        <span className="text-slate-500">· {departmentLabel(issue.responsibleDepartment)}</span>
      </div>
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-500">Owner</dt>
        <dd>{issue.ownerName ?? 'Nobody yet'}</dd>
        <dt className="text-slate-500">Due</dt>
        <dd>
          {issue.dueDate ? dayLabel(issue.dueDate) : 'Not set'}
          {overdue ? <Badge tone="danger" className="ml-2">Overdue</Badge> : null}
        </dd>
        <dt className="text-slate-500">Action taken</dt>
        <dd className="whitespace-pre-line">{issue.actionTaken || 'Nothing yet'}{issue.actionDate ? ` (from ${dayLabel(issue.actionDate)})` : ''}</dd>
        <dt className="text-slate-500">Result</dt>
        <dd className="whitespace-pre-line">{issue.result || '—'}</dd>
        <dt className="text-slate-500">Denials showing it</dt>
        <dd>{issue.linkedCount} in the last 90 days</dd>
      </dl>
      {issue.trend ? <BeforeAfterTable trend={issue.trend} /> : <p className="text-xs text-slate-500">Set an action date to see the cause before and after it.</p>}
    </div>
  );
}
