// Assignment rules (issue 14): an ordered list routes each new denial to a team and, optionally, a person. The
// first enabled rule whose conditions all hold wins; the default rule (no conditions) is always tried last, so
// no denial lands without a team once a default team is set. Pure: the ingest, the preview and the re-run on
// the unassigned queue all decide with these functions.

/** How a rule picks the owner within its team. */
export const ASSIGNMENT_STRATEGIES = ['team_only', 'named_person', 'round_robin', 'least_open_count', 'least_open_dollars'] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

export const STRATEGY_LABELS: Record<AssignmentStrategy, string> = {
  team_only: 'Team queue only (no owner)',
  named_person: 'A named person',
  round_robin: 'Round-robin among the team’s specialists',
  least_open_count: 'Least loaded: fewest open denials',
  least_open_dollars: 'Least loaded: fewest open dollars',
};

export function isAssignmentStrategy(value: string): value is AssignmentStrategy {
  return (ASSIGNMENT_STRATEGIES as readonly string[]).includes(value);
}

/** Each list means "any of these"; an empty list (or a null bound) does not constrain. All conditions must hold. */
export interface RuleConditions {
  payerIds: string[];
  categories: string[];
  departments: string[];
  /** A denial matches when it carries any of these CARCs (reason codes without their group). */
  carcCodes: string[];
  rarcCodes: string[];
  /** Denied amount, both bounds inclusive. */
  minCents: number | null;
  maxCents: number | null;
  /** The claim's rendering provider NPI (NM1*82 on the 835; the CSV's provider column). */
  providerNpis: string[];
}

export const NO_CONDITIONS: RuleConditions = {
  payerIds: [], categories: [], departments: [], carcCodes: [], rarcCodes: [], minCents: null, maxCents: null, providerNpis: [],
};

export interface AssignmentRule {
  id: string;
  name: string;
  enabled: boolean;
  /** The catch-all: tried after every other rule whatever its position, its conditions ignored. */
  isDefault: boolean;
  position: number;
  conditions: RuleConditions;
  teamId: string;
  strategy: AssignmentStrategy;
  /** The owner when strategy is named_person. */
  userId: string | null;
  /** Round-robin: the specialist who got the rule's last denial (the next one goes to whoever follows them). */
  cursorUserId: string | null;
}

/** What a rule looks at on a denial. */
export interface DenialFacts {
  id: string;
  payerId: string;
  category: string;
  department: string;
  carcCodes: readonly string[];
  rarcCodes: readonly string[];
  deniedCents: number;
  providerNpi: string | null;
}

const anyOf = (wanted: readonly string[], value: string | null) => wanted.length === 0 || (value !== null && wanted.includes(value));
const anyShared = (wanted: readonly string[], values: readonly string[]) => wanted.length === 0 || values.some((v) => wanted.includes(v));

export function matchesConditions(c: RuleConditions, d: DenialFacts): boolean {
  return (
    anyOf(c.payerIds, d.payerId) &&
    anyOf(c.categories, d.category) &&
    anyOf(c.departments, d.department) &&
    anyShared(c.carcCodes, d.carcCodes) &&
    anyShared(c.rarcCodes, d.rarcCodes) &&
    (c.minCents === null || d.deniedCents >= c.minCents) &&
    (c.maxCents === null || d.deniedCents <= c.maxCents) &&
    anyOf(c.providerNpis, d.providerNpi)
  );
}

export function hasConditions(c: RuleConditions): boolean {
  return (
    c.payerIds.length + c.categories.length + c.departments.length + c.carcCodes.length + c.rarcCodes.length + c.providerNpis.length > 0 ||
    c.minCents !== null ||
    c.maxCents !== null
  );
}

/** The order rules are tried in: enabled ones by position (id breaks a tie), the default last. */
export function ruleOrder<R extends Pick<AssignmentRule, 'id' | 'enabled' | 'isDefault' | 'position'>>(rules: readonly R[]): R[] {
  const ordered = rules
    .filter((r) => r.enabled && !r.isDefault)
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const fallback = rules.find((r) => r.enabled && r.isDefault);
  return fallback ? [...ordered, fallback] : ordered;
}

/** The first rule (in `ordered`, see ruleOrder) that takes this denial, or null. */
export function firstMatch<R extends Pick<AssignmentRule, 'isDefault' | 'conditions'>>(ordered: readonly R[], d: DenialFacts): R | null {
  for (const rule of ordered) if (rule.isDefault || matchesConditions(rule.conditions, d)) return rule;
  return null;
}
