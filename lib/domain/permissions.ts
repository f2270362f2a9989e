// Who may do what (design.md "Roles"). Pure predicates used by the server, which scopes its queries with
// them, and by the UI, which only hides what the server would refuse anyway.

export const ROLES = ['specialist', 'manager', 'front_desk', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'view_queue',
  'view_denial',
  'edit_denial',
  'assign_self',
  'reassign',
  'escalate',
  'request_writeoff',
  'approve_writeoff',
  'manage_payer_rules',
  'manage_users',
  'manage_code_mappings',
  'import_remits',
  'view_feedback',
  'view_metrics',
  'download_raw_file',
] as const;
export type Action = (typeof ACTIONS)[number];

export interface Actor {
  id: string;
  role: Role;
  teamId: string | null;
  /** A disabled user may do nothing, whatever the role says. */
  disabled?: boolean;
}

/** The parts of a denial that decide access. */
export interface DenialScope {
  ownerId: string | null;
  teamId: string | null;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Actions on one denial: the server must pass the denial, and without it the answer is no (fail closed),
 * so a forgotten argument can never widen access.
 */
const DENIAL_ACTIONS: ReadonlySet<Action> = new Set(['view_denial', 'edit_denial', 'assign_self', 'request_writeoff']);

/**
 * What each role may do at all. front_desk sees root-cause feedback only — no queue, no denial detail (PHI),
 * no dollar-level work (design.md). admin runs users, roles and code mappings, not denials. Raw 835 files
 * hold every patient of a remittance, so only managers download them.
 */
const ROLE_ACTIONS: Record<Role, ReadonlySet<Action>> = {
  specialist: new Set<Action>(['view_queue', 'view_denial', 'edit_denial', 'assign_self', 'request_writeoff', 'import_remits', 'view_metrics']),
  manager: new Set<Action>([
    'view_queue',
    'view_denial',
    'edit_denial',
    'assign_self',
    'reassign',
    'escalate',
    'request_writeoff',
    'approve_writeoff',
    'manage_payer_rules',
    'import_remits',
    'view_feedback',
    'view_metrics',
    'download_raw_file',
  ]),
  front_desk: new Set<Action>(['view_feedback']),
  admin: new Set<Action>(['manage_users', 'manage_code_mappings', 'import_remits']),
};

/**
 * A specialist works their own denials, their team's, and unassigned ones that belong to their team or to
 * no team yet (the pool they pick from). Another team's work is not theirs to read.
 */
function specialistReaches(actor: Actor, denial: DenialScope): boolean {
  if (denial.ownerId === actor.id) return true;
  if (denial.teamId !== null && denial.teamId === actor.teamId) return true;
  return denial.ownerId === null && denial.teamId === null;
}

export function can(actor: Actor, action: Action, denial?: DenialScope): boolean {
  if (actor.disabled) return false;
  if (!ROLE_ACTIONS[actor.role].has(action)) return false;
  if (!DENIAL_ACTIONS.has(action)) return true;
  if (!denial) return false;
  if (actor.role === 'manager') return true;
  if (action === 'assign_self' && denial.ownerId !== null) return false;
  return specialistReaches(actor, denial);
}

/** Whether the role has the action at all (menus, buttons); the server still asks `can` with the denial. */
export function roleMay(role: Role, action: Action): boolean {
  return ROLE_ACTIONS[role].has(action);
}
