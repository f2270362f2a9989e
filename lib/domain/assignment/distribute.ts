import { type AssignmentRule, type DenialFacts, firstMatch, ruleOrder } from './rules';

// Choosing the owner inside a rule's team. Deterministic, so a test (and a manager reading the timeline) can
// say who gets the next one: the team's active specialists are taken in id order; round-robin continues after
// the rule's cursor (the last person it picked), so a specialist joining or leaving does not reshuffle the
// rest; least-loaded takes whoever has the least open work (by count, or by open dollars) counting what this
// run has given out so far, and breaks a tie by the smaller count (dollars: the smaller count; count: fewer
// dollars) and then the smaller id.

export interface Load {
  count: number;
  cents: number;
}

export interface Assignment {
  denialId: string;
  ruleId: string;
  ruleName: string;
  teamId: string;
  ownerId: string | null;
}

export interface RouterInput {
  rules: readonly AssignmentRule[];
  /** Active specialists per team (any order: the router sorts by id). */
  members: ReadonlyMap<string, readonly string[]>;
  /** Current open load per user; missing means none. */
  loads: ReadonlyMap<string, Load>;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class AssignmentRouter {
  private readonly ordered: AssignmentRule[];
  private readonly members = new Map<string, string[]>();
  private readonly loads = new Map<string, Load>();
  private readonly cursors = new Map<string, string | null>();

  constructor(input: RouterInput) {
    this.ordered = ruleOrder(input.rules);
    for (const [team, ids] of input.members) this.members.set(team, [...new Set(ids)].sort(byId));
    for (const [user, load] of input.loads) this.loads.set(user, { ...load });
    for (const rule of this.ordered) this.cursors.set(rule.id, rule.cursorUserId);
  }

  /** Routes one denial (and counts it on its new owner's load), or null when no rule takes it. */
  assign(d: DenialFacts): Assignment | null {
    const rule = firstMatch(this.ordered, d);
    if (!rule) return null;
    const ownerId = this.owner(rule);
    if (ownerId !== null) {
      const load = this.loads.get(ownerId) ?? { count: 0, cents: 0 };
      load.count += 1;
      load.cents += d.deniedCents;
      this.loads.set(ownerId, load);
    }
    return { denialId: d.id, ruleId: rule.id, ruleName: rule.name, teamId: rule.teamId, ownerId };
  }

  /** Round-robin cursors that moved, to be stored with the assignments. */
  movedCursors(): { ruleId: string; userId: string }[] {
    const moved: { ruleId: string; userId: string }[] = [];
    for (const rule of this.ordered) {
      const now = this.cursors.get(rule.id) ?? null;
      if (now !== null && now !== rule.cursorUserId) moved.push({ ruleId: rule.id, userId: now });
    }
    return moved;
  }

  private owner(rule: AssignmentRule): string | null {
    switch (rule.strategy) {
      case 'team_only':
        return null;
      case 'named_person':
        return rule.userId;
      case 'round_robin':
        return this.nextInTurn(rule);
      case 'least_open_count':
        return this.leastLoaded(rule.teamId, (l) => [l.count, l.cents]);
      case 'least_open_dollars':
        return this.leastLoaded(rule.teamId, (l) => [l.cents, l.count]);
    }
  }

  private nextInTurn(rule: AssignmentRule): string | null {
    const team = this.members.get(rule.teamId) ?? [];
    if (team.length === 0) return null;
    const cursor = this.cursors.get(rule.id) ?? null;
    const next = (cursor === null ? undefined : team.find((id) => id > cursor)) ?? team[0]!;
    this.cursors.set(rule.id, next);
    return next;
  }

  private leastLoaded(teamId: string, key: (load: Load) => [number, number]): string | null {
    let best: string | null = null;
    let bestKey: [number, number] = [Infinity, Infinity];
    for (const id of this.members.get(teamId) ?? []) {
      const k = key(this.loads.get(id) ?? { count: 0, cents: 0 });
      // Members are in id order, so a strict "less than" keeps the smaller id on a full tie.
      if (k[0] < bestKey[0] || (k[0] === bestKey[0] && k[1] < bestKey[1])) {
        best = id;
        bestKey = k;
      }
    }
    return best;
  }
}

/** Routes a list of denials in the order given. */
export function routeAll(input: RouterInput, denials: readonly DenialFacts[]): { assignments: Assignment[]; router: AssignmentRouter } {
  const router = new AssignmentRouter(input);
  const assignments: Assignment[] = [];
  for (const d of denials) {
    const a = router.assign(d);
    if (a) assignments.push(a);
  }
  return { assignments, router };
}
