import { PageHeader } from '@/components/ui/page-header';
import { ApprovalInbox } from './approval-inbox';
import { formatUsd } from '@/lib/domain/money';
import { requirePermission } from '@/lib/server/auth';
import { todayIso } from '@/lib/server/clock';
import { listPendingWriteOffs } from '@/lib/server/write-offs/list-pending-write-offs';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Write-off approvals' };

// Read on each visit; decisions go through the decideWriteOffsAction and the page is read again after them.
export default answers503WhenDown(async function WriteOffApprovalsPage() {
  const actor = await requirePermission('approve_writeoff');
  const today = todayIso();
  const inbox = await listPendingWriteOffs(actor, today);
  return (
    <>
      <PageHeader
        title="Write-off approvals"
        description={
          inbox.total === 0
            ? 'Write-offs above the approval threshold wait here for a manager.'
            : `${inbox.total} pending ${inbox.total === 1 ? 'write-off' : 'write-offs'} for ${formatUsd(inbox.totalCents)}, oldest request first${inbox.total > inbox.rows.length ? ` (the first ${inbox.rows.length} shown: decide these to see the rest)` : ''}. Warnings mark a reason that contradicts the denial's data.`
        }
      />
      <ApprovalInbox inbox={inbox} today={today} />
    </>
  );
});
