import { type Action, type Role, roleMay } from '@/lib/domain/permissions';

export interface NavItem {
  href: string;
  label: string;
  /** The action the page names (requirePermission): the item shows to the roles that have it. */
  may: Action;
}

// The navigation, derived from the same permissions the pages and operations check.
export const NAV_ITEMS: NavItem[] = [
  // First: the manager's home (homeFor); roles without the board start at the queue.
  { href: '/team', label: 'Team board', may: 'view_team_board' },
  { href: '/queue', label: 'Queue', may: 'view_queue' },
  { href: '/appeals', label: 'Appeals awaiting decision', may: 'view_queue' },
  { href: '/imports', label: 'Imports', may: 'view_imports' },
  { href: '/feedback', label: 'Root-cause feedback', may: 'view_feedback' },
  { href: '/payers', label: 'Payer rules', may: 'manage_payer_rules' },
  { href: '/templates', label: 'Letter templates', may: 'view_templates' },
  { href: '/admin/users', label: 'Users', may: 'manage_users' },
  { href: '/admin/organization', label: 'Organisation', may: 'manage_organization' },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => roleMay(role, item.may));
}

export function homeFor(role: Role): string {
  return navFor(role)[0]?.href ?? '/forbidden';
}
