import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/server/auth';
import { todayIso } from '@/lib/server/clock';
import { AppError } from '@/lib/server/errors';
import { listTeamAway } from '@/lib/server/team/away';
import { AwayTable } from './away-table';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Out of office' };

export default answers503WhenDown(async function AwayPage() {
  const actor = await requirePermission('manage_away');
  const today = todayIso();
  const result = await listTeamAway(actor, today);
  if (!result.ok) throw new AppError(result.code, result.message);
  return (
    <div className="max-w-4xl">
      <PageHeader
        title="Out of office"
        description="Mark someone away with a named cover: while they are away, their due follow-ups appear in the cover’s My queue, marked “covering for”."
      />
      <AwayTable people={result.data} today={today} />
    </div>
  );
});
