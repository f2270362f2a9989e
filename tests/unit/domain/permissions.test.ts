import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action, type ActorFacts, ROLES, type Role, can, reaches, roleMay } from '@/lib/domain/permissions';

const actor = (role: Role, id = 'u1', teamId: string | null = 't1', orgWide = false): ActorFacts => ({ id, role, teamId, orgWide });
const own = { ownerId: 'u1', teamId: 't1' };
const team = { ownerId: 'u2', teamId: 't1' };
const poolInTeam = { ownerId: null, teamId: 't1' };
const poolNoTeam = { ownerId: null, teamId: null };
const otherTeam = { ownerId: 'u9', teamId: 't2' };
const otherTeamPool = { ownerId: null, teamId: 't2' };
const RECORDS = { own, team, poolInTeam, poolNoTeam, otherTeam, otherTeamPool };

// Who may do each action at all (roleMay; `can` without a record for the actions that need none).
const ROLE_TABLE: [Action, Role[]][] = [
  ['view_queue', ['specialist', 'manager']],
  ['view_all_denials', ['manager']],
  ['view_denial', ['specialist', 'manager']],
  ['edit_denial', ['specialist', 'manager']],
  ['assign_self', ['specialist', 'manager']],
  ['reassign', ['manager']],
  ['escalate', ['specialist', 'manager']],
  ['request_writeoff', ['specialist', 'manager']],
  ['approve_writeoff', ['manager']],
  ['reopen_denial', ['manager']],
  ['manage_payer_rules', ['manager']],
  ['manage_users', ['admin']],
  ['manage_code_mappings', ['admin']],
  ['import_remits', ['specialist', 'manager']],
  ['view_imports', ['specialist', 'manager']],
  ['view_feedback', ['front_desk', 'manager']],
  ['view_metrics', ['specialist', 'manager']],
  ['download_raw_file', ['manager']],
  ['view_templates', ['specialist', 'manager']],
  ['manage_templates', ['manager']],
  ['manage_organization', ['admin']],
  ['view_team_board', ['manager']],
  ['handle_escalation', ['manager']],
  ['manage_assignment_rules', ['manager']],
  ['manage_team_slas', ['manager']],
  ['manage_away', ['manager']],
  ['view_notifications', ['specialist', 'manager', 'front_desk', 'admin']],
  ['export_lists', ['specialist', 'manager']],
  ['manage_prevention', ['manager']],
  ['view_score_backtest', ['manager']],
  ['view_audit', ['admin']],
];
const RECORD_ACTIONS: Action[] = ['view_denial', 'edit_denial', 'assign_self', 'reassign', 'escalate', 'request_writeoff', 'approve_writeoff', 'reopen_denial', 'download_raw_file'];

describe('role-level actions', () => {
  it('the table names every action', () => {
    expect(ROLE_TABLE.map(([action]) => action).sort()).toEqual([...ACTIONS].sort());
  });

  const cases = ROLE_TABLE.flatMap(([action, roles]) => ROLES.map((role) => [action, role, roles.includes(role)] as const));
  it.each(cases)('%s by %s: %s', (action, role, expected) => {
    expect(roleMay(role, action)).toBe(expected);
    // Record-level actions need the record: without one the answer is no (fail closed).
    expect(can(actor(role), action)).toBe(expected && !RECORD_ACTIONS.includes(action));
  });
});

// Actions on one denial (or import), for each kind of record a worker may meet.
const SPECIALIST_TABLE: [Action, Record<keyof typeof RECORDS, boolean>][] = [
  ['view_denial', { own: true, team: true, poolInTeam: true, poolNoTeam: true, otherTeam: false, otherTeamPool: false }],
  ['edit_denial', { own: true, team: true, poolInTeam: true, poolNoTeam: true, otherTeam: false, otherTeamPool: false }],
  ['request_writeoff', { own: true, team: true, poolInTeam: true, poolNoTeam: true, otherTeam: false, otherTeamPool: false }],
  ['escalate', { own: true, team: true, poolInTeam: true, poolNoTeam: true, otherTeam: false, otherTeamPool: false }],
  ['handle_escalation', { own: false, team: false, poolInTeam: false, poolNoTeam: false, otherTeam: false, otherTeamPool: false }],
  ['assign_self', { own: false, team: false, poolInTeam: true, poolNoTeam: true, otherTeam: false, otherTeamPool: false }],
  ['view_imports', { own: true, team: true, poolInTeam: true, poolNoTeam: true, otherTeam: false, otherTeamPool: false }],
];

describe('a specialist works own, team and unassigned records', () => {
  const cases = SPECIALIST_TABLE.flatMap(([action, expected]) => Object.entries(expected).map(([which, ok]) => [action, which, ok] as const));
  it.each(cases)('%s on a %s record: %s', (action, which, ok) => {
    expect(can(actor('specialist'), action, RECORDS[which as keyof typeof RECORDS])).toBe(ok);
  });

  it('has no team reach without a team', () => {
    expect(can(actor('specialist', 'u1', null), 'edit_denial', team)).toBe(false);
    expect(can(actor('specialist', 'u1', null), 'edit_denial', poolNoTeam)).toBe(true);
  });

  it('gains nothing from an organisation-wide flag: it is a manager’s setting', () => {
    expect(can(actor('specialist', 'u1', 't1', true), 'view_denial', otherTeam)).toBe(false);
  });
});

describe('a manager acts for their own team, unless given organisation-wide scope', () => {
  const MANAGER_ACTIONS = ['view_denial', 'edit_denial', 'assign_self', 'reassign', 'escalate', 'request_writeoff', 'approve_writeoff', 'reopen_denial', 'download_raw_file'] as const;

  it.each(MANAGER_ACTIONS)('%s on their team’s, the pool’s and another owner’s denial in the team', (action) => {
    for (const record of [own, team, poolInTeam, poolNoTeam]) expect(can(actor('manager'), action, record)).toBe(true);
  });

  it.each(MANAGER_ACTIONS)('%s is refused on another team’s denial', (action) => {
    expect(can(actor('manager'), action, otherTeam)).toBe(false);
    expect(can(actor('manager'), action, otherTeamPool)).toBe(false);
  });

  it.each(MANAGER_ACTIONS)('%s on another team’s denial with organisation-wide scope', (action) => {
    expect(can(actor('manager', 'u1', 't1', true), action, otherTeam)).toBe(true);
  });

  it('takes a denial someone else owns (a reassignment), which a specialist may not', () => {
    expect(can(actor('manager'), 'assign_self', team)).toBe(true);
    expect(can(actor('specialist'), 'assign_self', team)).toBe(false);
  });

  it('reach itself is the same rule for denials and imports', () => {
    expect(reaches(actor('manager'), otherTeam)).toBe(false);
    expect(reaches(actor('manager', 'u1', null, true), otherTeam)).toBe(true);
  });
});

describe('front desk and admin see no PHI', () => {
  it.each(['view_denial', 'edit_denial', 'assign_self', 'request_writeoff', 'view_imports'] as const)(
    'front desk may not %s, not even an unassigned record',
    (action) => {
      expect(can(actor('front_desk'), action, poolNoTeam)).toBe(false);
    },
  );

  it('front desk sees the feedback and nothing with dollars', () => {
    expect(ACTIONS.filter((action) => can(actor('front_desk'), action, own))).toEqual(['view_feedback', 'view_notifications']);
  });

  it('admin runs users, roles, code mappings and the letterhead — no denials, no imports, no raw files, no templates; the audit trail (records, not patients)', () => {
    expect(ACTIONS.filter((action) => can(actor('admin'), action) || can(actor('admin'), action, own))).toEqual(['manage_users', 'manage_code_mappings', 'manage_organization', 'view_notifications', 'view_audit']);
  });
});

describe('failing closed', () => {
  it('says no to a record action when no record is given', () => {
    expect(can(actor('manager', 'u1', 't1', true), 'edit_denial')).toBe(false);
    expect(can(actor('specialist'), 'view_denial')).toBe(false);
  });

  it('says no to everything for a disabled user', () => {
    for (const action of ACTIONS) expect(can({ ...actor('manager', 'u1', 't1', true), disabled: true }, action, own)).toBe(false);
  });
});
