import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/server/auth';
import { listTeamSlas } from '@/lib/server/sla/list-team-slas';
import { RunSlaCheckButton } from './run-sla-check-button';
import { TeamSlaForm } from './team-sla-form';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Team SLAs' };

export default answers503WhenDown(async function TeamSlasPage() {
  const actor = await requirePermission('manage_team_slas');
  const slas = await listTeamSlas(actor);
  return (
    <>
      <PageHeader
        title="Team SLAs"
        description="When an open denial meets a rule that is on, Overturn escalates it to the team’s managers by itself (checked every 15 minutes), naming the rule on the denial’s timeline. Each condition escalates once: resolving the escalation while it still holds does not bring it back."
        actions={<RunSlaCheckButton />}
      />
      <div className="space-y-3">
        {slas.map((s) => (
          <TeamSlaForm key={s.teamId ?? 'organization'} sla={s} />
        ))}
      </div>
    </>
  );
});
