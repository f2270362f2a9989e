import { describe, expect, it } from 'vitest';
import { ACTIONS, type Action, type Actor, type Role, can, roleMay } from '@/lib/domain/permissions';

const actor = (role: Role, id = 'u1', teamId: string | null = 't1'): Actor => ({ id, role, teamId });
const own = { ownerId: 'u1', teamId: 't1' };
const team = { ownerId: 'u2', teamId: 't1' };
const poolInTeam = { ownerId: null, teamId: 't1' };
const poolNoTeam = { ownerId: null, teamId: null };
const otherTeam = { ownerId: 'u9', teamId: 't2' };
const otherTeamPool = { ownerId: null, teamId: 't2' };

// Actions that need no particular denial: who may do them at all.
const ROLE_TABLE: [Action, Role[]][] = [
  ['view_queue', ['specialist', 'manager']],
  ['reassign', ['manager']],
  ['escalate', ['manager']],
  ['approve_writeoff', ['manager']],
  ['manage_payer_rules', ['manager']],
  ['manage_users', ['admin']],
  ['manage_code_mappings', ['admin']],
  ['import_remits', ['specialist', 'manager', 'admin']],
  ['view_feedback', ['front_desk', 'manager']],
  ['view_metrics', ['specialist', 'manager']],
  ['download_raw_file', ['manager']],
];

describe('role-level actions', () => {
  const cases = ROLE_TABLE.flatMap(([action, roles]) =>
    (['specialist', 'manager', 'front_desk', 'admin'] as const).map((role) => [action, role, roles.includes(role)] as const),
  );
  it.each(cases)('%s by %s: %s', (action, role, expected) => {
    expect(can(actor(role), action)).toBe(expected);
    expect(roleMay(role, action)).toBe(expected);
  });
});

// Actions on one denial, for each kind of denial a specialist may meet.
const DENIAL_TABLE: [Action, Record<string, boolean>][] = [
  ['view_denial', { own: true, team: true, poolInTeam: true, poolNoTeam: true, otherTeam: false, otherTeamPool: false }],
  ['edit_denial', { own: true, team: true, poolInTeam: true, poolNoTeam: true, otherTeam: false, otherTeamPool: false }],
  ['request_writeoff', { own: true, team: true, poolInTeam: true, poolNoTeam: true, otherTeam: false, otherTeamPool: false }],
  ['assign_self', { own: false, team: false, poolInTeam: true, poolNoTeam: true, otherTeam: false, otherTeamPool: false }],
];
const DENIALS = { own, team, poolInTeam, poolNoTeam, otherTeam, otherTeamPool };

describe('a specialist works own, team and unassigned denials', () => {
  const cases = DENIAL_TABLE.flatMap(([action, expected]) =>
    Object.entries(expected).map(([which, ok]) => [action, which, ok] as const),
  );
  it.each(cases)('%s on a %s denial: %s', (action, which, ok) => {
    expect(can(actor('specialist'), action, DENIALS[which as keyof typeof DENIALS])).toBe(ok);
  });

  it('has no team reach without a team', () => {
    expect(can(actor('specialist', 'u1', null), 'edit_denial', team)).toBe(false);
    expect(can(actor('specialist', 'u1', null), 'edit_denial', poolNoTeam)).toBe(true);
  });
});

describe('a manager works any denial', () => {
  it.each(['view_denial', 'edit_denial', 'assign_self', 'request_writeoff'] as const)('%s on another team’s denial', (action) => {
    expect(can(actor('manager'), action, otherTeam)).toBe(true);
  });
});

describe('front desk and admin', () => {
  it.each(['view_denial', 'edit_denial', 'assign_self', 'request_writeoff'] as const)('front desk may not %s, not even an unassigned one', (action) => {
    expect(can(actor('front_desk'), action, poolNoTeam)).toBe(false);
  });

  it('front desk sees the feedback and nothing with dollars', () => {
    const allowed = ACTIONS.filter((action) => can(actor('front_desk'), action, own));
    expect(allowed).toEqual(['view_feedback']);
  });

  it('admin runs users and code mappings but does not read denials', () => {
    expect(can(actor('admin'), 'view_denial', own)).toBe(false);
    expect(can(actor('admin'), 'manage_code_mappings')).toBe(true);
  });
});

describe('failing closed', () => {
  it('says no to a denial action when no denial is given', () => {
    expect(can(actor('manager'), 'edit_denial')).toBe(false);
    expect(can(actor('specialist'), 'view_denial')).toBe(false);
  });

  it('says no to everything for a disabled user', () => {
    for (const action of ACTIONS) expect(can({ ...actor('manager'), disabled: true }, action, own)).toBe(false);
  });
});
