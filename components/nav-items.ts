import type { Role } from '@/lib/domain/permissions';

export interface NavItem {
  href: string;
  label: string;
  roles: Role[];
}

// What each role sees in the navigation. The pages check the role again on the server.
export const NAV_ITEMS: NavItem[] = [
  { href: '/queue', label: 'Queue', roles: ['specialist', 'manager'] },
  { href: '/imports', label: 'Imports', roles: ['specialist', 'manager', 'admin'] },
  { href: '/feedback', label: 'Root-cause feedback', roles: ['front_desk', 'manager'] },
  { href: '/payers', label: 'Payer rules', roles: ['manager'] },
  { href: '/admin/users', label: 'Users', roles: ['admin'] },
];

export function navFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}

export function homeFor(role: Role): string {
  return navFor(role)[0]?.href ?? '/forbidden';
}
