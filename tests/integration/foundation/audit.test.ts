import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db, pool } from '@/lib/server/db';
import type { Actor } from '@/lib/domain/permissions';
import { audit } from '@/lib/server/audit';
import { createUser } from '@/lib/server/users/create-user';
import { updateUser } from '@/lib/server/users/update-user';
import { createPerson } from '../../support/denial-factory';

let admin: Actor;

beforeAll(async () => {
  admin = await createPerson('admin');
});

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe('audit trail', () => {
  it('records a write with who, what and from where, in the same transaction as the write', async () => {
    const email = `audit-${Date.now()}@overturn.test`;
    const result = await createUser(admin, { email, name: 'Audit Target', role: 'specialist', password: 'a-long-password-1' });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.data.id : '';
    const events = await db.auditEvent.findMany({ where: { entityType: 'user', entityId: id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'user.create', actorEmail: admin.email, ip: '127.0.0.1', userAgent: 'vitest', phi: false });
  });

  it('records a PHI read flagged as such', async () => {
    await audit(admin, { action: 'denial.read', entityType: 'denial', entityId: 'some-denial', phi: true });
    const event = await db.auditEvent.findFirst({ where: { action: 'denial.read', entityId: 'some-denial' } });
    expect(event?.phi).toBe(true);
  });

  it('is append-only: the database refuses UPDATE, DELETE and TRUNCATE', async () => {
    await audit(admin, { action: 'test.event', entityType: 'test' });
    await expect(pool.query(`UPDATE audit_event SET action = 'tampered'`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM audit_event`)).rejects.toThrow(/append-only/);
    await expect(pool.query(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count({ where: { action: 'tampered' } })).toBe(0);
  });

  it('disabling a user revokes their open sessions and is audited', async () => {
    const email = `disable-${Date.now()}@overturn.test`;
    const created = await createUser(admin, { email, name: 'Leaving Soon', role: 'specialist', password: 'a-long-password-1' });
    const userId = created.ok ? created.data.id : '';
    await db.authSession.create({ data: { userId } });
    await db.authSession.create({ data: { userId } });
    const result = await updateUser(admin, { userId, disabled: true });
    expect(result.ok).toBe(true);
    const open = await db.authSession.count({ where: { userId, revokedAt: null } });
    expect(open).toBe(0);
    expect(await db.auditEvent.count({ where: { action: 'user.update', entityId: userId } })).toBe(1);
  });
});
