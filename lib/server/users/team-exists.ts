import 'server-only';
import type { Db, Tx } from '../db';
import { fail, type Failure } from '../errors';

/** A team id from the admin's form must name a team: a 422 on the field, not a foreign-key violation. */
export async function unknownTeam(client: Db | Tx, teamId: string | null | undefined): Promise<Failure | null> {
  if (!teamId) return null;
  const team = await client.team.findUnique({ where: { id: teamId }, select: { id: true } });
  return team ? null : fail('invalid_input', 'There is no such team.', { fieldErrors: { teamId: ['Choose an existing team'] } });
}
