import { z } from 'zod';
import { plainText } from '@/lib/domain/contracts/text';
import { ROLES } from '@/lib/domain/permissions';

export const createUserInput = z.object({
  email: plainText(z.string().trim().toLowerCase().email('Enter a valid email address').max(254)),
  name: plainText(z.string().trim().min(1, 'Name is required').max(120)),
  role: z.enum(ROLES),
  teamId: z.string().uuid().nullable().optional(),
  password: z.string().min(12, 'Use at least 12 characters').max(200),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.object({
  userId: z.string().uuid(),
  role: z.enum(ROLES).optional(),
  teamId: z.string().uuid().nullable().optional(),
  disabled: z.boolean().optional(),
  /** A manager's organisation-wide scope (design.md "Roles"). */
  orgWide: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;
