// Creating a user refuses a weak password with the reason, through the action's schema and the operation alike;
// a password is hashed and checked in one Unicode form, and hashes made before that still work.
import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/domain/permissions';
import { db, pool } from '@/lib/server/db';
import { createUser } from '@/lib/server/users/create-user';
import { createUserInput } from '@/lib/server/users/schemas';
import { verifyCredentials } from '@/lib/server/users/verify-credentials';
import { createPerson } from '../../support/denial-factory';

let admin: Actor;
beforeAll(async () => {
  admin = await createPerson('admin');
});
afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

const newUser = (password: string) => ({
  email: `dana.whitfield-${randomUUID().slice(0, 8)}@clinic.example`,
  name: 'Dana Whitfield',
  role: 'specialist' as const,
  password,
});

describe('a weak password is refused with its reason', () => {
  it.each([
    ['password1234', 'Too common — it appears in lists of breached passwords.'],
    [' '.repeat(12), 'Only one character repeated — easy to guess.'],
    ['aaaaaaaaaaaa', 'Only one character repeated — easy to guess.'],
    ['short-one', 'Too short — use at least 12 characters.'],
    ['whitfield-rocks-2026', 'Too close to the user’s name or email, or the product’s name.'],
  ])('%j: %s', async (password, reason) => {
    const input = newUser(password);
    const parsed = createUserInput.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(z.flattenError(parsed.error!).fieldErrors).toEqual({ password: [reason] });

    const result = await createUser(admin, input);
    expect(result).toMatchObject({ ok: false, code: 'invalid_input', fieldErrors: { password: [reason] } });
    expect(await db.user.count({ where: { email: input.email } })).toBe(0);
  });
});

describe('passwords in any script', () => {
  it('creates a user with a non-ASCII passphrase, who signs in with it typed in either Unicode form', async () => {
    const composed = 'Grüße aus Köln, café au lait';
    const input = newUser(composed);
    const created = await createUser(admin, createUserInput.parse(input));
    expect(created.ok).toBe(true);
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    expect((await verifyCredentials({ email: input.email, password: composed }))?.email).toBe(input.email);
    expect((await verifyCredentials({ email: input.email, password: decomposed }))?.email).toBe(input.email);
  });

  it('still accepts a hash made from the password as typed, before passwords were normalised', async () => {
    const typed = 'cafe\u0301 on the corner at noon';
    const email = `legacy-${randomUUID()}@overturn.test`;
    await db.user.create({ data: { email, name: 'Legacy Hash', role: 'specialist', passwordHash: await hash(typed) } });
    expect((await verifyCredentials({ email, password: typed }))?.email).toBe(email);
    expect(await verifyCredentials({ email, password: 'cafe on the corner at noon' })).toBeNull();
  });
});
