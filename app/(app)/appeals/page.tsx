import Link from 'next/link';
import { formatDate } from '@/components/denials/format';
import { Badge } from '@/components/ui/badge';
import { FilterActions, KeysetPages, ListProblem } from '@/components/ui/list-controls';
import { Label, Select } from '@/components/ui/input';
import { PageHeader } from '@/components/ui/page-header';
import { type AwaitingAppealDto, awaitingUrl, parseAwaitingUrl } from '@/lib/domain/contracts/awaiting-appeals';
import { formatUsd } from '@/lib/domain/money';
import { listAwaitingAppeals } from '@/lib/server/appeals/list-awaiting-appeals';
import { requirePermission } from '@/lib/server/auth';
import { todayIso } from '@/lib/server/clock';
import { type SearchParams, firstValues, readListPage } from '@/lib/server/list-page';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Appeals awaiting decision' };

const TH = 'px-2 py-2 text-left text-xs font-medium whitespace-nowrap text-slate-600';

function StatusCheck({ row, today }: { row: AwaitingAppealDto; today: string }) {
  return (
    <div className="flex flex-col items-start gap-0.5">
      <span className="tabular-nums text-slate-800">{formatDate(row.statusCheckOn, today)}</span>
      {row.statusCheck === 'overdue' ? (
        <Badge tone="danger">
          {row.daysOverdue} {row.daysOverdue === 1 ? 'day' : 'days'} overdue
        </Badge>
      ) : row.statusCheck === 'today' ? (
        <Badge tone="warning">Due today</Badge>
      ) : null}
    </div>
  );
}

// Read once per visit and never changed here (decisions are recorded on the denial): a server component whose
// filters are a GET form and whose pages are links (docs/decisions/0009).
export default answers503WhenDown(async function AwaitingAppealsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission('view_queue');
  const params = parseAwaitingUrl(await firstValues(searchParams));
  const today = todayIso();
  const { page, problem } = await readListPage(() => listAwaitingAppeals(actor, params, today));
  const filtered = params.owner === 'me' || params.payer !== undefined || params.overdue;
  return (
    <>
      <PageHeader
        title="Appeals awaiting decision"
        description="Submitted appeals the payer has not decided, by the date their status check is due: overdue first."
      />
      <form method="get" action="/appeals" className="mb-3 flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-3 shadow-xs">
        <div className="flex flex-col gap-1">
          <Label htmlFor="awaiting-owner">Owner</Label>
          <Select id="awaiting-owner" name="owner" defaultValue={params.owner}>
            <option value="all">Everyone I can see</option>
            <option value="me">Mine</option>
          </Select>
        </div>
        <div className="flex flex-col gap-1">
          <Label htmlFor="awaiting-payer">Payer</Label>
          <Select id="awaiting-payer" name="payer" defaultValue={params.payer ?? ''}>
            <option value="">All payers</option>
            {page?.payers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
        </div>
        <label className="flex items-center gap-2 pb-2 text-sm text-slate-800">
          <input type="checkbox" name="overdue" value="1" defaultChecked={params.overdue} />
          Overdue only
        </label>
        <FilterActions filtered={filtered} clearHref="/appeals" />
      </form>
      <ListProblem message={problem} firstHref={awaitingUrl({ ...params, after: undefined })} />
      {page && page.rows.length === 0 ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-sm text-slate-600">
          {filtered ? 'No submitted appeal awaits a decision with these filters.' : 'No submitted appeal awaits a decision.'}
        </p>
      ) : null}
      {page && page.rows.length > 0 ? (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-xs">
          <table className="w-full border-collapse text-[13px]" aria-label="Appeals awaiting decision">
            <thead className="border-b border-slate-200 bg-slate-50/80">
              <tr>
                <th className={TH}>Status check</th>
                <th className={TH}>Patient · claim</th>
                <th className={TH}>Payer</th>
                <th className={TH}>Level</th>
                <th className={TH}>Submitted</th>
                <th className={TH}>Method · reference</th>
                <th className={`${TH} text-right`}>Waiting</th>
                <th className={TH}>Owner</th>
                <th className={`${TH} text-right`}>Denied</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.rows.map((row) => (
                <tr key={row.appealId} data-appeal-id={row.appealId} className="align-top hover:bg-slate-50">
                  <td className="px-2 py-2">
                    <StatusCheck row={row} today={today} />
                  </td>
                  <td className="px-2 py-2">
                    <div className="font-medium text-slate-900">{row.patientName ?? 'Unknown patient'}</div>
                    <Link href={`/denials/${row.denialId}`} className="font-mono text-[12px] whitespace-nowrap text-brand-700 underline-offset-2 hover:underline">
                      {row.claimNumber}
                    </Link>
                    {row.payerClaimNumber ? <div className="font-mono text-[11px] text-slate-600">payer {row.payerClaimNumber}</div> : null}
                  </td>
                  <td className="max-w-44 truncate px-2 py-2 text-slate-700" title={row.payerName}>
                    {row.payerName}
                  </td>
                  <td className="px-2 py-2 text-slate-800">{row.levelName}</td>
                  <td className="px-2 py-2 whitespace-nowrap tabular-nums text-slate-700">{formatDate(row.submittedOn, today)}</td>
                  <td className="px-2 py-2 text-slate-700">
                    <div>{row.method ?? '—'}</div>
                    <div className="font-mono text-[11px] text-slate-600">{row.payerReference ?? 'no reference'}</div>
                  </td>
                  <td className="px-2 py-2 text-right whitespace-nowrap tabular-nums text-slate-700">
                    {row.daysWaiting} {row.daysWaiting === 1 ? 'day' : 'days'}
                  </td>
                  <td className="px-2 py-2 whitespace-nowrap text-slate-700">{row.ownerName ?? <span className="text-slate-600">Unassigned</span>}</td>
                  <td className="px-2 py-2 text-right font-medium tabular-nums text-slate-900">{formatUsd(row.deniedCents)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <KeysetPages onLaterPage={params.after !== undefined} firstHref={awaitingUrl({ ...params, after: undefined })} nextHref={page?.next ? awaitingUrl({ ...params, after: page.next }) : null} />
    </>
  );
});
