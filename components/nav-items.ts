import { type Action, type Role, roleMay } from '@/lib/domain/permissions';

export interface NavItem {
  href: string;
  label: string;
  /** The action the page names (requirePermission): the item shows to the roles that have it. */
  may: Action;
  /** Settings a manager changes now and then: a second, quieter row under the main menu. */
  section?: 'manage';
}

// The navigation, derived from the same permissions the pages and operations check.
export const NAV_ITEMS: NavItem[] = [
  // First: the manager's home (homeFor); roles without the board start at the queue.
  { href: '/team', label: 'Team board', may: 'view_team_board' },
  { href: '/queue', label: 'Queue', may: 'view_queue' },
  { href: '/dashboard', label: 'Dashboard', may: 'view_metrics' },
  { href: '/appeals', label: 'Appeals awaiting decision', may: 'view_queue' },
  { href: '/escalations', label: 'Escalations', may: 'handle_escalation' },
  { href: '/approvals', label: 'Write-off approvals', may: 'approve_writeoff' },
  { href: '/imports', label: 'Imports', may: 'view_imports' },
  { href: '/feedback', label: 'Root-cause feedback', may: 'view_feedback' },
  { href: '/feedback/prevention', label: 'Prevention log', may: 'view_feedback' },
  { href: '/payers', label: 'Payer rules', may: 'manage_payer_rules', section: 'manage' },
  { href: '/team/slas', label: 'Team SLAs', may: 'manage_team_slas', section: 'manage' },
  { href: '/assignment-rules', label: 'Assignment rules', may: 'manage_assignment_rules', section: 'manage' },
  { href: '/team/move', label: 'Move work', may: 'reassign', section: 'manage' },
  { href: '/team/away', label: 'Out of office', may: 'manage_away', section: 'manage' },
  { href: '/team/backtest', label: 'Score backtest', may: 'view_score_backtest', section: 'manage' },
  { href: '/templates', label: 'Letter templates', may: 'view_templates' },
  { href: '/admin/users', label: 'Users', may: 'manage_users' },
  { href: '/admin/organization', label: 'Organisation', may: 'manage_organization' },
  { href: '/admin/codes', label: 'Code mappings', may: 'manage_code_mappings' },
  { href: '/admin/audit', label: 'Audit trail', may: 'view_audit' },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => roleMay(role, item.may));
}

export function homeFor(role: Role): string {
  return navFor(role)[0]?.href ?? '/forbidden';
}
