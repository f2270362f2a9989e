import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/lib/server/auth';
import { listUsers } from '@/lib/server/users/list-users';
import { CreateUserForm } from './create-user-form';
import { UsersTable } from './users-table';
import { answers503WhenDown } from '@/lib/server/page-outage';

export const metadata = { title: 'Users' };

export default answers503WhenDown(async function UsersPage() {
  const me = await requirePermission('manage_users');
  const { users, teams } = await listUsers(me);
  return (
    <>
      <PageHeader title="Users" description="Create accounts, set roles and teams, and disable people who have left." />
      <div className="grid gap-4 lg:grid-cols-[1fr_320px]">
        <UsersTable users={users} teams={teams} currentUserId={me.id} />
        <CreateUserForm teams={teams} />
      </div>
    </>
  );
});
