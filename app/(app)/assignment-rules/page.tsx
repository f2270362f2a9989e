import { RerunPanel } from './rerun-panel';
import { RulesList } from './rules-list';
import { PageHeader } from '@/components/ui/page-header';
import { listAssignmentRules } from '@/lib/server/assignment/list-rules';
import { requirePermission } from '@/lib/server/auth';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Assignment rules' };

export default answers503WhenDown(async function AssignmentRulesPage() {
  const actor = await requirePermission('manage_assignment_rules');
  const page = await listAssignmentRules(actor);
  return (
    <>
      <PageHeader
        title="Assignment rules"
        description="New denials from every import go to the first rule that matches them, top to bottom: its team, and an owner if the rule names one. The default rule takes whatever no other rule matches."
      />
      {page.teams.length === 0 ? (
        <p role="alert" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          There are no teams yet, so rules have nowhere to send denials and every import lands unassigned. Ask your administrator to set up a team.
        </p>
      ) : null}
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_320px]">
        <RulesList page={page} />
        <RerunPanel disabled={page.rules.length === 0} />
      </div>
    </>
  );
});
