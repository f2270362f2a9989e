// A user as the admin's user list shows it (no password hash, no session).
import type { Role } from '../permissions';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
  disabled: boolean;
}
