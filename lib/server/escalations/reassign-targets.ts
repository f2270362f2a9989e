import 'server-only';
import { type Actor, reachesAll } from '@/lib/domain/permissions';
import { db } from '../db';

/** Whom the manager manages: every team with organisation-wide scope, else their own team (none without one). */
function managedTeams(actor: Actor) {
  if (reachesAll(actor)) return {};
  return actor.teamId ? { teamId: actor.teamId } : { id: { in: [] as string[] } };
}

/** The active specialists an escalated denial may be reassigned to by this manager (no PHI: colleagues' names). */
export function reassignTargets(actor: Actor): Promise<{ id: string; name: string; teamId: string | null }[]> {
  return db.user.findMany({
    where: { disabledAt: null, role: 'specialist', ...managedTeams(actor) },
    select: { id: true, name: true, teamId: true },
    orderBy: { name: 'asc' },
  });
}

/** The teams the escalation queue's filter offers. */
export function escalationTeams(actor: Actor): Promise<{ id: string; name: string }[]> {
  const scope = managedTeams(actor);
  const where = 'teamId' in scope ? { id: scope.teamId } : scope;
  return db.team.findMany({ where, select: { id: true, name: true }, orderBy: { name: 'asc' } });
}
