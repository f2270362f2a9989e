// A user as the admin's user list shows it (no password hash, no session).
import type { Role } from '../permissions';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
  /** Printed under their name when they sign an appeal letter; null = not set. */
  title: string | null;
  disabled: boolean;
  /** A manager with organisation-wide scope. */
  orgWide: boolean;
  /** Whether the scope setting applies to this user's role (managers). */
  takesOrgWideScope: boolean;
}
