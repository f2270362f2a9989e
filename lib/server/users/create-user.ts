import 'server-only';
import { hash } from '@node-rs/argon2';
import { normalizePassword } from '@/lib/domain/passwords/password-policy';
import { type Actor, can } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { db } from '../db';
import { fail, type Result } from '../errors';
import { type CreateUserInput, passwordErrors } from './schemas';
import { unknownTeam } from './team-exists';

export async function createUser(actor: Actor, input: CreateUserInput): Promise<Result<{ id: string }>> {
  if (!can(actor, 'manage_users')) return fail('forbidden', 'Only administrators manage users.');
  // Checked here too: not every caller comes through the action's schema.
  const refused = passwordErrors(input.password, input);
  if (refused.length > 0) return fail('invalid_input', 'Choose a different password.', { fieldErrors: { password: refused } });
  const existing = await db.user.findUnique({ where: { email: input.email } });
  if (existing) return fail('conflict', 'A user with this email already exists.', { fieldErrors: { email: ['Already in use'] } });
  const noTeam = await unknownTeam(db, input.teamId);
  if (noTeam) return noTeam;
  const passwordHash = await hash(normalizePassword(input.password));
  const user = await db.$transaction(async (tx) => {
    const created = await tx.user.create({
      data: { email: input.email, name: input.name, role: input.role, teamId: input.teamId ?? null, passwordHash },
    });
    await audit(actor, { action: 'user.create', entityType: 'user', entityId: created.id, details: { email: input.email, role: input.role } }, tx);
    return created;
  });
  return { ok: true, data: { id: user.id } };
}
