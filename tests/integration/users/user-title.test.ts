// The title an appeal letter prints under its signer's name: an administrator's setting, one line, audited.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db';
import { listUsers } from '@/lib/server/users/list-users';
import { updateUserInput } from '@/lib/server/users/schemas';
import { updateUser } from '@/lib/server/users/update-user';
import { createPerson } from '../../support/denial-factory';
import { withIngestDatabase } from '../ingest/helpers';

withIngestDatabase();

describe('a user’s title', () => {
  it('is set and cleared by an administrator, shown in the user list, and audited', async () => {
    const admin = await createPerson('admin');
    const specialist = await createPerson('specialist');
    expect(await updateUser(admin, updateUserInput.parse({ userId: specialist.id, title: '  Senior denial specialist ' }))).toMatchObject({ ok: true });
    expect((await listUsers(admin)).users.find((u) => u.id === specialist.id)).toMatchObject({ title: 'Senior denial specialist' });
    const event = await db.auditEvent.findFirst({ where: { action: 'user.update', entityId: specialist.id }, orderBy: { id: 'desc' } });
    expect(event?.details).toMatchObject({ title: 'Senior denial specialist' });
    expect(await updateUser(admin, updateUserInput.parse({ userId: specialist.id, title: '' }))).toMatchObject({ ok: true });
    expect((await db.user.findUniqueOrThrow({ where: { id: specialist.id } })).title).toBeNull();
    expect(await updateUser(specialist, { userId: specialist.id, title: 'Chief' })).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('is one line of at most 120 characters', () => {
    const userId = crypto.randomUUID();
    expect(updateUserInput.safeParse({ userId, title: 'x'.repeat(120) }).success).toBe(true);
    expect(updateUserInput.safeParse({ userId, title: 'x'.repeat(121) }).success).toBe(false);
    expect(updateUserInput.safeParse({ userId, title: 'Line one\nLine two' }).success).toBe(false);
  });
});
