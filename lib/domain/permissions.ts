// Who may do what (design.md "Roles"). Pure predicates: each operation in lib/server asks `can` itself and
// scopes its query with `reaches`; the transports name the action; the UI shows what the server computed.

export const ROLES = ['specialist', 'manager', 'front_desk', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'view_queue',
  'view_all_denials',
  'view_denial',
  'edit_denial',
  'assign_self',
  'reassign',
  'escalate',
  'request_writeoff',
  'approve_writeoff',
  'reopen_denial',
  'manage_payer_rules',
  'manage_users',
  'manage_code_mappings',
  'import_remits',
  'view_imports',
  'view_feedback',
  'view_metrics',
  'download_raw_file',
  'view_templates',
  'manage_templates',
  'manage_organization',
  /** The team board: workload, risk and escalations per specialist, payer and category (issue 14). */
  'view_team_board',
  /** Resolve, return or reassign an escalation from the escalation queue. */
  'handle_escalation',
  /** Edit the ordered rules that route new denials to a team and person, and re-run them on the unassigned. */
  'manage_assignment_rules',
  /** Edit a team's SLAs (the conditions that escalate by themselves). */
  'manage_team_slas',
  /** Mark a specialist away and name who covers their follow-ups. */
  'manage_away',
  /** Read one's own notifications (every signed-in user has a bell). */
  'view_notifications',
  /** Download a list as CSV (queue views, dashboard tables): PHI leaves the app, so never front desk (issue 15). */
  'export_lists',
  /** Write the front-desk checklists and the prevention log (root-cause issues and their actions). */
  'manage_prevention',
  /** Replay resolved denials to compare the priority score with the usual orders, and try other weights. */
  'view_score_backtest',
  /** Search and export the audit trail (who did what, when, from where); entries name records, not patients. */
  'view_audit',
] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * The acting user of one request, built once by the transport (route handler, server action, page) and passed
 * to every operation: who (permissions, scope) and from where (the audit trail).
 */
export interface Actor {
  id: string;
  role: Role;
  teamId: string | null;
  /** A manager given organisation-wide scope by an administrator acts for every team; otherwise for their own. */
  orgWide: boolean;
  name: string;
  email: string;
  ip: string | null;
  userAgent: string | null;
}

/** The facts about an actor the predicates read (tests and callers may pass just these). */
export type ActorFacts = Pick<Actor, 'id' | 'role' | 'teamId'> & Partial<Pick<Actor, 'orgWide'>> & {
  /** A disabled user may do nothing, whatever the role says. */
  disabled?: boolean;
};

/**
 * The parts of a record that decide who reaches it: a denial's owner and team, or an import's importer and
 * the importer's team. Unowned and teamless is the shared pool every worker picks from.
 */
export interface Scope {
  ownerId: string | null;
  teamId: string | null;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/**
 * Actions on one record: the server must pass its scope, and without it the answer is no (fail closed), so a
 * forgotten argument can never widen access. Other actions check the scope when one is given.
 */
const SCOPED_ACTIONS: ReadonlySet<Action> = new Set([
  'view_denial',
  'edit_denial',
  'assign_self',
  'reassign',
  'escalate',
  'request_writeoff',
  'approve_writeoff',
  'reopen_denial',
  'download_raw_file',
]);

/**
 * What each role may do at all. front_desk sees root-cause feedback only — no queue, no denial detail (PHI),
 * no dollar-level work. admin runs users, roles and code mappings and sees no PHI: no denials, no imports
 * (their history names claims). Raw 835 files hold every patient of a remittance, so only managers download them.
 * Letter templates: whoever works denials reads them (letters are drafted from them); managers write them.
 */
const ROLE_ACTIONS: Record<Role, ReadonlySet<Action>> = {
  specialist: new Set<Action>([
    'view_queue',
    'view_denial',
    'edit_denial',
    'assign_self',
    // With a required reason, to the team's managers (issue 14); handling it is the managers'.
    'escalate',
    'request_writeoff',
    'import_remits',
    'view_imports',
    'view_metrics',
    'view_templates',
    'view_notifications',
    'export_lists',
  ]),
  manager: new Set<Action>([
    'view_queue',
    'view_all_denials',
    'view_denial',
    'edit_denial',
    'assign_self',
    'reassign',
    'escalate',
    'request_writeoff',
    'approve_writeoff',
    'reopen_denial',
    'manage_payer_rules',
    'import_remits',
    'view_imports',
    'view_feedback',
    'view_metrics',
    'download_raw_file',
    'view_templates',
    'manage_templates',
    'view_team_board',
    'handle_escalation',
    'manage_assignment_rules',
    'manage_team_slas',
    'manage_away',
    'view_notifications',
    'export_lists',
    'manage_prevention',
    'view_score_backtest',
  ]),
  front_desk: new Set<Action>(['view_feedback', 'view_notifications']),
  // The organisation's letterhead is an installation setting, like users and code mappings.
  admin: new Set<Action>(['manage_users', 'manage_code_mappings', 'manage_organization', 'view_notifications', 'view_audit']),
};

/** Organisation-wide scope is a manager's setting: other roles work their own team's records, or none. */
export function takesOrgWideScope(role: Role): boolean {
  return role === 'manager';
}

/** Whether the actor reaches every team's records (a manager given organisation-wide scope). */
export function reachesAll(actor: ActorFacts): boolean {
  return takesOrgWideScope(actor.role) && actor.orgWide === true;
}

/**
 * Whether a record is within the actor's reach: their own, their team's, or the shared pool (no owner, no
 * team). Another team's work is not theirs — unless they are a manager with organisation-wide scope.
 */
export function reaches(actor: ActorFacts, scope: Scope): boolean {
  if (reachesAll(actor)) return true;
  if (scope.ownerId === actor.id) return true;
  if (scope.teamId !== null && scope.teamId === actor.teamId) return true;
  return scope.ownerId === null && scope.teamId === null;
}

export function can(actor: ActorFacts, action: Action, scope?: Scope): boolean {
  if (actor.disabled) return false;
  if (!ROLE_ACTIONS[actor.role].has(action)) return false;
  if (!scope) return !SCOPED_ACTIONS.has(action);
  if (!reaches(actor, scope)) return false;
  // Taking a denial that has an owner is a reassignment.
  if (action === 'assign_self' && scope.ownerId !== null) return ROLE_ACTIONS[actor.role].has('reassign');
  return true;
}

/** Whether the role has the action at all (transports, menus, buttons); the operation still asks `can` with the record. */
export function roleMay(role: Role, action: Action): boolean {
  return ROLE_ACTIONS[role].has(action);
}
