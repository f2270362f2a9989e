import { z } from 'zod';
import { plainText } from '@/lib/domain/contracts/text';
import { MAX_PASSWORD_INPUT, PASSWORD_PROBLEM_MESSAGE, passwordProblems } from '@/lib/domain/passwords/password-policy';
import { ROLES } from '@/lib/domain/permissions';

/** The policy's reasons (password-policy.ts) as the password field's errors. */
export function passwordErrors(password: string, context: { email?: string; name?: string }): string[] {
  return passwordProblems(password, context).map((problem) => PASSWORD_PROBLEM_MESSAGE[problem]);
}

export const USER_TITLE_MAX = 120;

export const createUserInput = z.object({
  email: plainText(z.string().trim().toLowerCase().email('Enter a valid email address').max(254)),
  name: plainText(z.string().trim().min(1, 'Name is required').max(120)),
  role: z.enum(ROLES),
  teamId: z.string().uuid().nullable().optional(),
  password: z.string().max(MAX_PASSWORD_INPUT, PASSWORD_PROBLEM_MESSAGE.too_long),
}).superRefine((input, ctx) => {
  for (const message of passwordErrors(input.password, input)) ctx.addIssue({ code: 'custom', path: ['password'], message });
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.object({
  userId: z.string().uuid(),
  role: z.enum(ROLES).optional(),
  teamId: z.string().uuid().nullable().optional(),
  disabled: z.boolean().optional(),
  /** A manager's organisation-wide scope (design.md "Roles"). */
  orgWide: z.boolean().optional(),
  /** The title an appeal letter prints under their name (`{{signer.title}}`); empty clears it. */
  title: plainText(z.string().trim().max(USER_TITLE_MAX, `At most ${USER_TITLE_MAX} characters`)).optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;
