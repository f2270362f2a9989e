import Link from 'next/link';
import { formatDate, formatDateTime } from '@/components/denials/format';
import { Badge } from '@/components/ui/badge';
import { FilterActions, KeysetPages, ListProblem } from '@/components/ui/list-controls';
import { Label, Select } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { type EscalationRowDto, escalationUrl, parseEscalationUrl } from '@/lib/domain/contracts/escalations';
import { raisedByText, waitingText } from '@/lib/domain/escalations/handling';
import { formatUsd } from '@/lib/domain/money';
import { requirePermission } from '@/lib/server/auth';
import { todayIso } from '@/lib/server/clock';
import { type SearchParams, firstValues, readListPage } from '@/lib/server/list-page';
import { listEscalations } from '@/lib/server/escalations/list-escalations';
import { EscalationRowActions } from './escalation-row-actions';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Escalations' };

const TH = 'px-2 py-2 text-left text-xs font-medium whitespace-nowrap text-slate-600';

function Deadline({ row, today }: { row: EscalationRowDto; today: string }) {
  if (!row.deadlineDate || row.daysLeft === null) return <span className="text-slate-600">None</span>;
  const days = row.daysLeft;
  return (
    <div className="flex flex-col items-start gap-0.5">
      <span className="tabular-nums text-slate-800">{formatDate(row.deadlineDate, today)}</span>
      {days < 0 ? (
        <Badge tone="danger" className="whitespace-nowrap">Missed {-days} {days === -1 ? 'day' : 'days'} ago</Badge>
      ) : days <= 14 ? (
        <Badge tone="warning" className="whitespace-nowrap">{days === 0 ? 'Due today' : `${days} ${days === 1 ? 'day' : 'days'} left`}</Badge>
      ) : (
        <span className="text-xs text-slate-600">{days} days left</span>
      )}
    </div>
  );
}

// Read on each visit; a handled escalation leaves the list when the page reads again (router.refresh). Filters
// are a GET form and pages are links, like the appeals list (docs/decisions/0009).
export default answers503WhenDown(async function EscalationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission('handle_escalation');
  const params = parseEscalationUrl(await firstValues(searchParams));
  const today = todayIso();
  const { page, problem } = await readListPage(() => listEscalations(actor, params, today));
  const filtered = params.source !== 'all' || params.team !== undefined;
  return (
    <>
      <PageHeader title="Escalations" description="Open escalations from your team’s specialists and SLAs, longest waiting first. Resolve, return or reassign each with a note." />
      <form method="get" action="/escalations" className="mb-3 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-xs">
        <div className="flex flex-col gap-1">
          <Label htmlFor="escalation-source">Raised by</Label>
          <Select id="escalation-source" name="source" defaultValue={params.source}>
            <option value="all">People and SLAs</option>
            <option value="person">People</option>
            <option value="sla">SLA rules</option>
          </Select>
        </div>
        {page && page.teams.length > 1 ? (
          <div className="flex flex-col gap-1">
            <Label htmlFor="escalation-team">Team</Label>
            <Select id="escalation-team" name="team" defaultValue={params.team ?? ''}>
              <option value="">All teams</option>
              {page.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </Select>
          </div>
        ) : null}
        <FilterActions filtered={filtered} clearHref="/escalations" />
      </form>
      <ListProblem message={problem} firstHref={escalationUrl({ ...params, after: undefined })} />
      {page && page.rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">
          {filtered ? 'No open escalation with these filters.' : 'No open escalation: nothing is waiting for you.'}
        </p>
      ) : null}
      {page && page.rows.length > 0 ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
          <table className="w-full border-collapse text-[13px]" aria-label="Open escalations">
            <thead className="border-b border-slate-200 bg-slate-50/80">
              <tr>
                <th className={TH}>Waiting</th>
                <th className={TH}>Patient · claim</th>
                <th className={TH}>Payer</th>
                <th className={`${TH} text-right`}>Denied</th>
                <th className={TH}>Deadline</th>
                <th className={TH}>Raised by · reason</th>
                <th className={TH}>Owner</th>
                <th className={TH}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.rows.map((row) => {
                const subject = `${row.patientName ?? 'Unknown patient'} · claim ${row.claimNumber}`;
                return (
                  <tr key={row.escalationId} data-escalation-id={row.escalationId} className="align-top hover:bg-slate-50">
                    <td className="px-2 py-2 whitespace-nowrap">
                      <div className="font-medium tabular-nums text-slate-900">{waitingText(row.waitingHours)}</div>
                      <time dateTime={row.raisedAt} className="text-[11px] text-slate-600">
                        {formatDateTime(row.raisedAt)}
                      </time>
                    </td>
                    <td className="px-2 py-2">
                      <div className="font-medium text-slate-900">{row.patientName ?? 'Unknown patient'}</div>
                      <Link href={`/denials/${row.denialId}`} className="font-mono text-[12px] whitespace-nowrap text-brand-700 underline-offset-2 hover:underline">
                        {row.claimNumber}
                      </Link>
                    </td>
                    <td className="max-w-44 truncate px-2 py-2 text-slate-700" title={row.payerName}>
                      {row.payerName}
                    </td>
                    <td className="px-2 py-2 text-right font-medium tabular-nums text-slate-900">{formatUsd(row.deniedCents)}</td>
                    <td className="px-2 py-2">
                      <Deadline row={row} today={today} />
                    </td>
                    <td className="max-w-80 px-2 py-2">
                      <div className="flex items-center gap-1 text-xs text-slate-600">
                        {row.slaRule ? <Badge tone="warning">SLA</Badge> : null}
                        {raisedByText(row.raisedBy, row.slaRule)}
                      </div>
                      <p className="mt-0.5 whitespace-pre-wrap text-slate-800">{row.reason}</p>
                    </td>
                    <td className="px-2 py-2 whitespace-nowrap text-slate-700">
                      {row.ownerName ?? <span className="text-slate-600">Unassigned</span>}
                      {row.teamName ? <div className="text-[11px] text-slate-600">{row.teamName}</div> : null}
                    </td>
                    <td className="px-2 py-2">
                      <EscalationRowActions escalationId={row.escalationId} subject={subject} reason={row.reason} people={page.people} ownerId={row.ownerId} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <KeysetPages onLaterPage={params.after !== undefined} firstHref={escalationUrl({ ...params, after: undefined })} nextHref={page?.next ? escalationUrl({ ...params, after: page.next }) : null} />
    </>
  );
});
