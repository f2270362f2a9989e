import Link from 'next/link';
import { notFound } from 'next/navigation';
import { dayLabel } from '@/components/feedback/month-label';
import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { statusLabel } from '@/lib/domain/denial-labels';
import { requirePermission } from '@/lib/server/auth';
import { todayIso } from '@/lib/server/clock';
import { listIssueDenials } from '@/lib/server/prevention/list-issue-denials';
import { listPreventionIssues } from '@/lib/server/prevention/list-prevention-issues';
import { IssueForm } from '../issue-form';
import { IssueSummary } from '../issue-summary';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Prevention issue' };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default answers503WhenDown(async function PreventionIssuePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('view_feedback');
  const { id } = await params;
  if (!UUID.test(id)) notFound();
  const today = todayIso();
  const log = await listPreventionIssues(actor, today, id);
  const issue = log.issues[0];
  if (!issue) notFound();
  const linked = await listIssueDenials(actor, id, today);
  return (
    <>
      <PageHeader title={issue.title} actions={<Link href="/feedback/prevention" className="text-sm font-medium text-brand-700 hover:underline">Prevention log</Link>} />
      <div className="space-y-4">
        <Card>
          <IssueSummary issue={issue} today={today} />
        </Card>
        {log.canManage ? (
          <Card>
            <CardHeader>
              <CardTitle>Edit</CardTitle>
            </CardHeader>
            <IssueForm key={issue.version} issue={issue} options={log} label="Edit the issue" />
          </Card>
        ) : null}
        <Card>
          <CardHeader>
            <CardTitle>Denials showing this cause</CardTitle>
            <span className="text-xs text-slate-500">last 90 days, newest first · member ids masked</span>
          </CardHeader>
          {linked.denials.length === 0 ? (
            <p className="p-4 text-sm text-slate-600">None in the last 90 days.</p>
          ) : (
            <table className="w-full text-sm">
              <thead className="text-left text-xs uppercase tracking-wide text-slate-500">
                <tr>
                  <th scope="col" className="px-4 py-2 font-medium">Denied</th>
                  <th scope="col" className="px-2 py-2 font-medium">Service</th>
                  <th scope="col" className="px-2 py-2 font-medium">Payer</th>
                  <th scope="col" className="px-2 py-2 font-medium">Member</th>
                  <th scope="col" className="px-2 py-2 font-medium">Codes</th>
                  <th scope="col" className="px-4 py-2 font-medium">Status</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {linked.denials.map((d) => (
                  <tr key={d.id}>
                    <td className="px-4 py-2">{linked.canOpen ? <Link href={`/denials/${d.id}`} className="text-brand-700 hover:underline">{dayLabel(d.openedOn)}</Link> : dayLabel(d.openedOn)}</td>
                    <td className="px-2 py-2">{d.serviceDate ? dayLabel(d.serviceDate) : '—'}</td>
                    <td className="px-2 py-2">{d.payerName}</td>
                    <td className="px-2 py-2 font-mono text-xs">{d.memberIdMasked ?? '—'}</td>
                    <td className="px-2 py-2 font-mono text-xs">{d.carcCodes.join(', ')}</td>
                    <td className="px-4 py-2">{statusLabel(d.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
      </div>
    </>
  );
});
