import { requirePermission } from '@/lib/server/auth';
import { todayIso } from '@/lib/server/clock';
import { AppealWorkspace } from './appeal-workspace';
import { workspaceOrNotFound } from './workspace-data';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Appeal' };

// Front desk and admin are sent to /forbidden before anything is read; another team's appeal reads as missing.
export default answers503WhenDown(async function AppealPage({ params }: { params: Promise<{ id: string; appealId: string }> }) {
  const actor = await requirePermission('view_denial');
  const workspace = await workspaceOrNotFound(actor, params);
  return <AppealWorkspace initial={workspace} today={todayIso()} />;
});
