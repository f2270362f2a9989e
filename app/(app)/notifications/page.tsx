import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/server/auth';
import { NotificationsList } from './notifications-list';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Notifications · Overturn' };

export default answers503WhenDown(async function NotificationsPage() {
  await requirePermission('view_notifications');
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <PageHeader title="Notifications" description="Assignments, escalations, approvals, SLAs, appeal decisions and payments that concern you, newest first." />
      <NotificationsList />
    </div>
  );
});
