import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Tx } from '../db';

/**
 * Who receives a team's escalations and approvals: its active managers; when a team has none (or the denial has
 * no team), the organisation-wide managers, so nothing is addressed to nobody.
 */
export async function managersOfTeams(tx: Tx, teamIds: readonly (string | null)[]): Promise<Map<string | null, string[]>> {
  const wanted = [...new Set(teamIds)];
  const rows = await tx.$queryRaw<{ id: string; teamId: string | null; orgWide: boolean }[]>(Prisma.sql`
    SELECT id, "teamId", "orgWide" FROM app_user
     WHERE role = 'manager' AND "disabledAt" IS NULL
       AND ("orgWide" OR "teamId" = ANY(${wanted.filter((t): t is string => t !== null)}::uuid[]))
     ORDER BY id`);
  const orgWide = rows.filter((r) => r.orgWide).map((r) => r.id);
  const result = new Map<string | null, string[]>();
  for (const team of wanted) {
    const own = team === null ? [] : rows.filter((r) => r.teamId === team).map((r) => r.id);
    result.set(team, own.length > 0 ? own : orgWide);
  }
  return result;
}
