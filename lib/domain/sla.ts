// Team SLAs (issue 14): the conditions under which an open denial escalates by itself. Pure: the thresholds, their
// limits, which settings apply to a team, and how a rule that fired reads. The SQL that finds qualifying denials
// (lib/server/sla/sla-candidates.ts) applies exactly these definitions:
// - follow_up_overdue: the follow-up date is more than N days in the past (N = 0: any overdue follow-up).
// - deadline_unworked: the deadline falls today or within the next N days, and nobody has worked the denial for
//   at least M days. "Worked" = a timeline event written by a person (denial_event.actorId set), except its
//   import (the uploader only delivered the file); a denial never worked counts from when it was opened.
//   A deadline already missed does not fire: escalating cannot save it (the board counts missed deadlines).
// - unassigned: no owner for more than N hours, counted from the later of its opening and its last assignment
//   change, so a denial put back in the pool today is not "unassigned for 30 days" because it opened long ago.

export const SLA_RULES = ['follow_up_overdue', 'deadline_unworked', 'unassigned'] as const;
export type SlaRule = (typeof SLA_RULES)[number];

export const SLA_RULE_LABELS: Record<SlaRule, string> = {
  follow_up_overdue: 'Follow-up overdue',
  deadline_unworked: 'Deadline near and not worked',
  unassigned: 'Unassigned too long',
};

export function isSlaRule(value: unknown): value is SlaRule {
  return typeof value === 'string' && (SLA_RULES as readonly string[]).includes(value);
}

/** Sane ranges: wide enough for any team's policy, narrow enough that a typo (3000 days) is refused. */
export const SLA_LIMITS = {
  followUpOverdueDays: { min: 0, max: 90 },
  deadlineWithinDays: { min: 1, max: 90 },
  deadlineIdleDays: { min: 1, max: 90 },
  unassignedHours: { min: 1, max: 720 },
} as const;

export interface SlaSettings {
  followUpOverdueEnabled: boolean;
  followUpOverdueDays: number;
  deadlineUnworkedEnabled: boolean;
  deadlineWithinDays: number;
  deadlineIdleDays: number;
  unassignedEnabled: boolean;
  unassignedHours: number;
}

/**
 * What applies when nothing is stored: every rule off, with the numbers a manager most likely wants pre-filled.
 * Off, because turning escalations on by an upgrade would escalate the whole existing backlog at once and flood
 * every manager's bell; a manager switches each rule on knowingly (the page shows what would fire first).
 */
export const DEFAULT_SLA: SlaSettings = {
  followUpOverdueEnabled: false,
  followUpOverdueDays: 3,
  deadlineUnworkedEnabled: false,
  deadlineWithinDays: 14,
  deadlineIdleDays: 7,
  unassignedEnabled: false,
  unassignedHours: 48,
};

/** The stored settings a team falls back on: its own row, else the organisation default row, else DEFAULT_SLA. */
export function effectiveSla(own: SlaSettings | null | undefined, orgDefault: SlaSettings | null | undefined): SlaSettings {
  return pickSettings(own ?? orgDefault ?? DEFAULT_SLA);
}

function pickSettings(s: SlaSettings): SlaSettings {
  return {
    followUpOverdueEnabled: s.followUpOverdueEnabled,
    followUpOverdueDays: s.followUpOverdueDays,
    deadlineUnworkedEnabled: s.deadlineUnworkedEnabled,
    deadlineWithinDays: s.deadlineWithinDays,
    deadlineIdleDays: s.deadlineIdleDays,
    unassignedEnabled: s.unassignedEnabled,
    unassignedHours: s.unassignedHours,
  };
}

export const anyRuleOn = (s: SlaSettings): boolean => s.followUpOverdueEnabled || s.deadlineUnworkedEnabled || s.unassignedEnabled;

/** Each number outside its range, by field, as a person reads it (the server refuses the whole save). */
export function slaProblems(s: SlaSettings): Partial<Record<keyof typeof SLA_LIMITS, string>> {
  const problems: Partial<Record<keyof typeof SLA_LIMITS, string>> = {};
  const units = { followUpOverdueDays: 'days', deadlineWithinDays: 'days', deadlineIdleDays: 'days', unassignedHours: 'hours' } as const;
  for (const key of Object.keys(SLA_LIMITS) as (keyof typeof SLA_LIMITS)[]) {
    const { min, max } = SLA_LIMITS[key];
    const value = s[key];
    if (!Number.isInteger(value) || value < min || value > max) problems[key] = `A whole number of ${units[key]} from ${min} to ${max}`;
  }
  return problems;
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** One rule's condition in words, for the settings page. */
export function describeSlaRule(rule: SlaRule, s: SlaSettings): string {
  switch (rule) {
    case 'follow_up_overdue':
      return s.followUpOverdueDays === 0 ? 'Follow-up date has passed' : `Follow-up overdue by more than ${plural(s.followUpOverdueDays, 'day')}`;
    case 'deadline_unworked':
      return `Deadline within ${plural(s.deadlineWithinDays, 'day')} and not worked for ${plural(s.deadlineIdleDays, 'day')}`;
    case 'unassigned':
      return `No owner for more than ${plural(s.unassignedHours, 'hour')}`;
  }
}

/** What one qualifying denial measured: days overdue, days to the deadline and days idle, or hours without owner. */
export type SlaMeasure =
  | { rule: 'follow_up_overdue'; daysOverdue: number }
  | { rule: 'deadline_unworked'; daysToDeadline: number; daysIdle: number }
  | { rule: 'unassigned'; hoursUnassigned: number };

/** The escalation's reason: the rule, what the denial measured, and the team's numbers. */
export function slaReason(m: SlaMeasure, s: SlaSettings): string {
  switch (m.rule) {
    case 'follow_up_overdue':
      return `Follow-up overdue by ${plural(m.daysOverdue, 'day')} (team SLA: ${s.followUpOverdueDays})`;
    case 'deadline_unworked': {
      const due = m.daysToDeadline === 0 ? 'Deadline today' : `Deadline in ${plural(m.daysToDeadline, 'day')}`;
      return `${due}, not worked for ${plural(m.daysIdle, 'day')} (team SLA: within ${s.deadlineWithinDays}, idle ${s.deadlineIdleDays})`;
    }
    case 'unassigned':
      return `Unassigned for ${plural(m.hoursUnassigned, 'hour')} (team SLA: ${s.unassignedHours})`;
  }
}

/**
 * The same conditions as the SQL, for one denial in memory (unit tests pin the boundaries; the SQL is tested
 * against them in tests/integration/sla). Dates are ISO days; `now` and timestamps in milliseconds.
 */
export function slaRulesMet(
  d: { followUpDate: string | null; deadlineDate: string | null; ownerId: string | null; idleSinceMs: number; unassignedSinceMs: number },
  s: SlaSettings,
  today: string,
  nowMs: number,
): SlaRule[] {
  const met: SlaRule[] = [];
  if (s.followUpOverdueEnabled && d.followUpDate !== null && daysBetween(d.followUpDate, today) > s.followUpOverdueDays) met.push('follow_up_overdue');
  if (s.deadlineUnworkedEnabled && d.deadlineDate !== null) {
    const left = daysBetween(today, d.deadlineDate);
    if (left >= 0 && left <= s.deadlineWithinDays && nowMs - d.idleSinceMs >= s.deadlineIdleDays * DAY_MS) met.push('deadline_unworked');
  }
  if (s.unassignedEnabled && d.ownerId === null && nowMs - d.unassignedSinceMs > s.unassignedHours * HOUR_MS) met.push('unassigned');
  return met;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Whole days from one ISO date to another (negative when `to` is earlier). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
