import 'server-only';
import { type SlaSettings, anyRuleOn, effectiveSla } from '@/lib/domain/sla';
import type { Db, Tx } from '../db';

/** Where a team's SLA comes from: its own row, the organisation default, or nothing stored (all off). */
export type SlaSource = 'team' | 'organization' | 'none';

export interface SlaScope {
  /** null: the organisation default, which also applies to denials with no team. */
  teamId: string | null;
  teamName: string;
  settings: SlaSettings;
  source: SlaSource;
  /** The version of the row this scope's settings are saved to (0 when the team has no row of its own yet). */
  version: number;
  updatedAt: Date | null;
}

/**
 * The SLA in force for every team and for denials with no team: each team's own row, else the organisation
 * default row (teamId null), else every rule off. A handful of rows: read whole, resolved in lib/domain/sla.ts.
 */
export async function slaScopes(client: Db | Tx): Promise<SlaScope[]> {
  const [teams, rows] = await Promise.all([
    client.team.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    client.teamSla.findMany(),
  ]);
  const org = rows.find((r) => r.teamId === null) ?? null;
  const own = new Map(rows.filter((r) => r.teamId !== null).map((r) => [r.teamId, r]));
  return [
    { teamId: null, teamName: 'No team (organisation default)', settings: effectiveSla(org, null), source: org ? 'organization' : 'none', version: org?.version ?? 0, updatedAt: org?.updatedAt ?? null },
    ...teams.map((t): SlaScope => {
      const row = own.get(t.id);
      return {
        teamId: t.id,
        teamName: t.name,
        settings: effectiveSla(row, org),
        source: row ? 'team' : org ? 'organization' : 'none',
        version: row?.version ?? 0,
        updatedAt: row?.updatedAt ?? null,
      };
    }),
  ];
}

/** The scopes the job needs to look at: those with at least one rule on. */
export const activeScopes = (scopes: readonly SlaScope[]): SlaScope[] => scopes.filter((s) => anyRuleOn(s.settings));
