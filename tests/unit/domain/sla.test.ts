import { describe, expect, it } from 'vitest';
import { DEFAULT_SLA, type SlaSettings, anyRuleOn, describeSlaRule, effectiveSla, isSlaRule, slaProblems, slaReason, slaRulesMet } from '@/lib/domain/sla';

const on: SlaSettings = { ...DEFAULT_SLA, followUpOverdueEnabled: true, deadlineUnworkedEnabled: true, unassignedEnabled: true };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.parse('2026-03-10T12:00:00Z');
const today = '2026-03-10';
const base = { followUpDate: null, deadlineDate: null, ownerId: 'someone', idleSinceMs: now, unassignedSinceMs: now };

describe('effectiveSla', () => {
  it('takes the team’s own settings, else the organisation default, else everything off', () => {
    const own = { ...DEFAULT_SLA, followUpOverdueEnabled: true, followUpOverdueDays: 1 };
    const org = { ...DEFAULT_SLA, unassignedEnabled: true };
    expect(effectiveSla(own, org)).toEqual(own);
    expect(effectiveSla(null, org)).toEqual(org);
    expect(effectiveSla(undefined, null)).toEqual(DEFAULT_SLA);
    expect(anyRuleOn(DEFAULT_SLA)).toBe(false);
  });

  it('copies only the settings from a stored row', () => {
    expect(Object.keys(effectiveSla({ ...DEFAULT_SLA, id: 'x', version: 3 } as SlaSettings, null)).sort()).toEqual(Object.keys(DEFAULT_SLA).sort());
  });
});

describe('slaRulesMet (the SQL’s definitions)', () => {
  it('follow-up: fires when more than N days overdue', () => {
    const s = { ...on, followUpOverdueDays: 3 };
    expect(slaRulesMet({ ...base, followUpDate: '2026-03-07' }, s, today, now)).toEqual([]); // 3 days: not more than 3
    expect(slaRulesMet({ ...base, followUpDate: '2026-03-06' }, s, today, now)).toEqual(['follow_up_overdue']);
    expect(slaRulesMet({ ...base, followUpDate: '2026-03-09' }, { ...s, followUpOverdueDays: 0 }, today, now)).toEqual(['follow_up_overdue']);
    expect(slaRulesMet({ ...base, followUpDate: '2026-03-10' }, { ...s, followUpOverdueDays: 0 }, today, now)).toEqual([]);
  });

  it('deadline: fires from today to N days ahead, idle at least M days; a missed deadline does not', () => {
    const s = { ...on, deadlineWithinDays: 5, deadlineIdleDays: 2 };
    const idle = now - 2 * DAY;
    expect(slaRulesMet({ ...base, deadlineDate: '2026-03-15', idleSinceMs: idle }, s, today, now)).toEqual(['deadline_unworked']);
    expect(slaRulesMet({ ...base, deadlineDate: '2026-03-10', idleSinceMs: idle }, s, today, now)).toEqual(['deadline_unworked']);
    expect(slaRulesMet({ ...base, deadlineDate: '2026-03-16', idleSinceMs: idle }, s, today, now)).toEqual([]);
    expect(slaRulesMet({ ...base, deadlineDate: '2026-03-09', idleSinceMs: idle }, s, today, now)).toEqual([]);
    expect(slaRulesMet({ ...base, deadlineDate: '2026-03-12', idleSinceMs: idle + 1 }, s, today, now)).toEqual([]);
  });

  it('unassigned: fires after more than N hours without an owner', () => {
    const s = { ...on, unassignedHours: 4 };
    expect(slaRulesMet({ ...base, ownerId: null, unassignedSinceMs: now - 4 * HOUR }, s, today, now)).toEqual([]);
    expect(slaRulesMet({ ...base, ownerId: null, unassignedSinceMs: now - 4 * HOUR - 1 }, s, today, now)).toEqual(['unassigned']);
    expect(slaRulesMet({ ...base, ownerId: 'x', unassignedSinceMs: now - 100 * HOUR }, s, today, now)).toEqual([]);
  });

  it('a rule switched off never fires', () => {
    const d = { ...base, ownerId: null, followUpDate: '2026-01-01', deadlineDate: '2026-03-11', idleSinceMs: 0, unassignedSinceMs: 0 };
    expect(slaRulesMet(d, on, today, now)).toEqual(['follow_up_overdue', 'deadline_unworked', 'unassigned']);
    expect(slaRulesMet(d, DEFAULT_SLA, today, now)).toEqual([]);
  });
});

describe('slaProblems', () => {
  it('accepts the ranges’ ends and refuses beyond them or fractions', () => {
    expect(slaProblems({ ...DEFAULT_SLA, followUpOverdueDays: 0, deadlineWithinDays: 90, deadlineIdleDays: 1, unassignedHours: 720 })).toEqual({});
    const bad = slaProblems({ ...DEFAULT_SLA, followUpOverdueDays: -1, deadlineWithinDays: 0, deadlineIdleDays: 1.5, unassignedHours: 721 });
    expect(Object.keys(bad).sort()).toEqual(['deadlineIdleDays', 'deadlineWithinDays', 'followUpOverdueDays', 'unassignedHours']);
    expect(bad.unassignedHours).toBe('A whole number of hours from 1 to 720');
  });
});

describe('wording', () => {
  it('names the rule, what the denial measured and the team’s numbers', () => {
    const s = { ...DEFAULT_SLA, followUpOverdueDays: 3, deadlineWithinDays: 14, deadlineIdleDays: 7, unassignedHours: 48 };
    expect(slaReason({ rule: 'follow_up_overdue', daysOverdue: 5 }, s)).toBe('Follow-up overdue by 5 days (team SLA: 3)');
    expect(slaReason({ rule: 'deadline_unworked', daysToDeadline: 0, daysIdle: 1 }, s)).toBe('Deadline today, not worked for 1 day (team SLA: within 14, idle 7)');
    expect(slaReason({ rule: 'unassigned', hoursUnassigned: 50 }, s)).toBe('Unassigned for 50 hours (team SLA: 48)');
    expect(describeSlaRule('follow_up_overdue', { ...s, followUpOverdueDays: 0 })).toBe('Follow-up date has passed');
    expect(describeSlaRule('unassigned', { ...s, unassignedHours: 1 })).toBe('No owner for more than 1 hour');
    expect(isSlaRule('unassigned')).toBe(true);
    expect(isSlaRule('other')).toBe(false);
  });
});
