import 'server-only';
import { verify } from '@node-rs/argon2';
import { z } from 'zod';
import { MAX_PASSWORD_INPUT, normalizePassword } from '@/lib/domain/passwords/password-policy';
import { db } from '../db';

export const credentialsInput = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(MAX_PASSWORD_INPUT),
});
export type CredentialsInput = z.infer<typeof credentialsInput>;

// Verifying against a fixed hash when the email is unknown keeps the response time the same either way.
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0Jc2vQn2b6qTg3lXQ8m1QwZb8yH1sJYkzF1m3bq8v9A';

/**
 * Whether the password matches the hash. Passwords are hashed in their NFKC form (password-policy.ts); a hash
 * made before that from a non-NFKC spelling is still accepted by a second check with the password as typed.
 */
async function passwordMatches(hash: string, password: string): Promise<boolean> {
  const normalized = normalizePassword(password);
  const ok = await verify(hash, normalized).catch(() => false);
  if (ok || normalized === password) return ok;
  return verify(hash, password).catch(() => false);
}

/** The user these credentials belong to, or null (unknown, wrong password, or disabled). */
export async function verifyCredentials(input: CredentialsInput) {
  const user = await db.user.findUnique({ where: { email: input.email } });
  const ok = await passwordMatches(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !ok || user.disabledAt) return null;
  return user;
}
