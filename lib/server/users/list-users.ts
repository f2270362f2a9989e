import 'server-only';
import type { UserRow } from '@/lib/domain/contracts/users';
import { type Actor, takesOrgWideScope } from '@/lib/domain/permissions';
import { authorize } from '../authorize';
import { db } from '../db';

export async function listUsers(actor: Actor): Promise<{ users: UserRow[]; teams: { id: string; name: string }[] }> {
  authorize(actor, 'manage_users', undefined, 'Only administrators manage users.');
  const [users, teams] = await Promise.all([
    db.user.findMany({ orderBy: [{ disabledAt: 'asc' }, { name: 'asc' }], include: { team: true } }),
    db.team.findMany({ orderBy: { name: 'asc' } }),
  ]);
  return {
    users: users.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      teamId: u.teamId,
      teamName: u.team?.name ?? null,
      title: u.title,
      disabled: u.disabledAt !== null,
      orgWide: u.orgWide,
      takesOrgWideScope: takesOrgWideScope(u.role),
    })),
    teams: teams.map((t) => ({ id: t.id, name: t.name })),
  };
}
