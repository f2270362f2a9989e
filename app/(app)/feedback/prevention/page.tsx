import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Card, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/server/auth';
import { todayIso } from '@/lib/server/clock';
import { listPreventionIssues } from '@/lib/server/prevention/list-prevention-issues';
import { IssueForm } from './issue-form';
import { IssueSummary } from './issue-summary';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Prevention log' };

export default answers503WhenDown(async function PreventionLogPage() {
  const actor = await requirePermission('view_feedback');
  const today = todayIso();
  const log = await listPreventionIssues(actor, today);
  return (
    <>
      <PageHeader
        title="Prevention log"
        description="Root causes worked upstream: what was done, by whom, and whether the denials stopped."
        actions={
          <>
            <Link href="/feedback" className="text-sm font-medium text-brand-700 hover:underline">Root-cause feedback</Link>
            {log.canExport ? (
              <Button asChild variant="secondary" size="sm">
                <a href="/api/exports/prevention" download>
                  Export CSV
                </a>
              </Button>
            ) : null}
          </>
        }
      />
      <div className="space-y-4">
        {log.canManage ? (
          // Folded: people open the log to read it; the form opens when there is something to log. Not opened
          // by the server: after a save the page re-renders with one more issue, and a controlled `open` would
          // fold the form away with its confirmation.
          <Card>
            <details>
              <summary className="cursor-pointer px-4 py-3 text-sm font-semibold text-slate-900">Log an issue</summary>
              <IssueForm options={log} label="Log an issue" />
            </details>
          </Card>
        ) : null}
        {log.issues.length === 0 ? <p className="text-sm text-slate-600">No prevention issues logged yet.</p> : null}
        {log.issues.map((issue) => (
          <Card key={issue.id} role="region" aria-labelledby={`issue-${issue.id}`}>
            <CardHeader>
              <CardTitle id={`issue-${issue.id}`}>
                <Link href={`/feedback/prevention/${issue.id}`} className="hover:underline">{issue.title}</Link>
              </CardTitle>
            </CardHeader>
            <IssueSummary issue={issue} today={today} />
          </Card>
        ))}
      </div>
    </>
  );
});
