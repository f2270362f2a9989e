import type { Role } from '@/lib/domain/permissions';

export const ROLE_LABEL: Record<Role, string> = {
  specialist: 'Denial specialist',
  manager: 'Manager',
  front_desk: 'Front desk',
  admin: 'Administrator',
};
