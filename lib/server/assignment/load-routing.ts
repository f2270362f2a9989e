import 'server-only';
import type pg from 'pg';
import { type AssignmentRule, isAssignmentStrategy } from '@/lib/domain/assignment/rules';
import type { Load, RouterInput } from '@/lib/domain/assignment/distribute';
import { Prisma } from '@/lib/generated/prisma/client';
import { OPEN } from '../denials/queue-sql';
import { query } from '../sql';

// What routing needs, read in one go on the connection of the change it serves (the import's transaction, the
// re-run's, the preview's pool): the rules, each target team's active specialists, and — only when a rule
// balances load — their open work.

export interface Routing extends RouterInput {
  rules: AssignmentRule[];
  teamNames: Map<string, string>;
  userNames: Map<string, string>;
}

type Client = pg.Pool | pg.PoolClient;

interface RuleRow {
  id: string;
  position: number;
  name: string;
  enabled: boolean;
  isDefault: boolean;
  payerIds: string[] | null;
  categories: string[] | null;
  departments: string[] | null;
  carcCodes: string[] | null;
  rarcCodes: string[] | null;
  minCents: string | null;
  maxCents: string | null;
  providerNpis: string[] | null;
  teamId: string;
  strategy: string;
  userId: string | null;
  cursorUserId: string | null;
}

export function toRule(row: RuleRow): AssignmentRule {
  return {
    id: row.id,
    name: row.name,
    enabled: row.enabled,
    isDefault: row.isDefault,
    position: row.position,
    teamId: row.teamId,
    // An unknown strategy (a hand edit) still gives the team, never an owner.
    strategy: isAssignmentStrategy(row.strategy) ? row.strategy : 'team_only',
    userId: row.userId,
    cursorUserId: row.cursorUserId,
    conditions: {
      payerIds: row.payerIds ?? [],
      categories: row.categories ?? [],
      departments: row.departments ?? [],
      carcCodes: row.carcCodes ?? [],
      rarcCodes: row.rarcCodes ?? [],
      minCents: row.minCents === null ? null : Number(row.minCents),
      maxCents: row.maxCents === null ? null : Number(row.maxCents),
      providerNpis: row.providerNpis ?? [],
    },
  };
}

export const RULE_COLUMNS = Prisma.sql`id, position, name, enabled, "isDefault", "payerIds", categories, departments, "carcCodes", "rarcCodes",
  "minCents"::text AS "minCents", "maxCents"::text AS "maxCents", "providerNpis", "teamId", strategy, "userId", "cursorUserId"`;

export async function loadRules(client: Client): Promise<AssignmentRule[]> {
  const rows = await query<RuleRow & pg.QueryResultRow>(Prisma.sql`SELECT ${RULE_COLUMNS} FROM assignment_rule ORDER BY position, id`, { client });
  return rows.map(toRule);
}

/**
 * The routing for `rules` (as stored, or with an unsaved edit in place for a preview). A named person who has
 * left (disabled) or moved team gets nothing: the denial still goes to the rule's team.
 */
export async function loadRouting(client: Client, rules: AssignmentRule[]): Promise<Routing> {
  const live = rules.filter((r) => r.enabled);
  const teamIds = [...new Set(live.map((r) => r.teamId))];
  const members = new Map<string, string[]>();
  const teamNames = new Map<string, string>();
  const userNames = new Map<string, string>();
  const loads = new Map<string, Load>();
  if (teamIds.length === 0) return { rules: live, members, loads, teamNames, userNames };
  const [teams, people] = await Promise.all([
    query<{ id: string; name: string }>(Prisma.sql`SELECT id, name FROM team WHERE id = ANY(${teamIds}::uuid[])`, { client }),
    query<{ id: string; name: string; teamId: string; role: string }>(
      Prisma.sql`SELECT id, name, "teamId", role::text AS role FROM app_user
                  WHERE "teamId" = ANY(${teamIds}::uuid[]) AND "disabledAt" IS NULL AND role IN ('specialist', 'manager')`,
      { client },
    ),
  ]);
  for (const t of teams) teamNames.set(t.id, t.name);
  const active = new Map(people.map((p) => [p.id, p]));
  for (const p of people) {
    userNames.set(p.id, p.name);
    if (p.role !== 'specialist') continue;
    const list = members.get(p.teamId) ?? [];
    list.push(p.id);
    members.set(p.teamId, list);
  }
  // A rule whose team is gone routes nothing; a named owner must still be active in the rule's team.
  const usable = live
    .filter((r) => teamNames.has(r.teamId))
    .map((r) => (r.strategy === 'named_person' && (r.userId === null || active.get(r.userId)?.teamId !== r.teamId) ? { ...r, strategy: 'team_only' as const } : r));
  const balanced = [...new Set(usable.filter((r) => r.strategy === 'least_open_count' || r.strategy === 'least_open_dollars').flatMap((r) => members.get(r.teamId) ?? []))];
  if (balanced.length > 0) {
    const rows = await query<{ ownerId: string; count: number; cents: string }>(
      Prisma.sql`SELECT d."ownerId", count(*)::int AS count, coalesce(sum(d."deniedCents"), 0)::text AS cents
                   FROM denial d WHERE d."ownerId" = ANY(${balanced}::uuid[]) AND ${OPEN} GROUP BY d."ownerId"`,
      { client },
    );
    for (const r of rows) loads.set(r.ownerId, { count: r.count, cents: Number(r.cents) });
  }
  return { rules: usable, members, loads, teamNames, userNames };
}
