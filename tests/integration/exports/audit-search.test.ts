import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_PAGE_SIZE, auditSearchSchema } from '@/lib/domain/contracts/audit';
import type { Actor } from '@/lib/domain/permissions';
import { audit } from '@/lib/server/audit';
import { searchAudit } from '@/lib/server/audit/search-audit';
import { db, pool } from '@/lib/server/db';
import { sealAuditDay } from '@/lib/server/audit/seal-day';
import { exportAudit } from '@/lib/server/export/export-audit';
import { createPerson, createTeam } from '../../support/denial-factory';
import { readCsv } from './read-csv';

let admin: Actor;
let alice: Actor;
let bob: Actor;
const run = `r${Date.now().toString(36)}`;

beforeAll(async () => {
  const team = (await createTeam()).id;
  admin = await createPerson('admin', null);
  alice = await createPerson('specialist', team);
  bob = await createPerson('manager', team);
  const fromAlice = { ...alice, ip: '10.9.8.7' };
  for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++) {
    await audit(fromAlice, { action: 'denial.note', entityType: 'denial', entityId: `${run}-${i}`, details: { note: true } });
  }
  await audit(bob, { action: 'denial.assign', entityType: 'denial', entityId: `${run}-bob`, details: { memberId: 'W987654321', to: alice.id } });
  await audit(bob, { action: 'user.update', entityType: 'user', entityId: alice.id, details: { reason: '=HYPERLINK("http://x")' } });
});

describe('the audit search', () => {
  it("shows the hash chain's newest sealed day", async () => {
    // A day of its own, far ahead, so no later test's events change the sealed root in this shared database.
    const day = '2999-01-01';
    const client = await pool.connect();
    try {
      for (const second of ['01', '02']) {
        await client.query(`INSERT INTO audit_event (at, action, "entityType") VALUES ($1, 'test.sealed', 'test')`, [`${day}T00:00:${second}Z`]);
      }
      const seal = await sealAuditDay(client, day);
      expect(seal.sealed).toBe(true);
      const page = await searchAudit(admin, {});
      expect(page.lastSeal).toEqual({ day, root: seal.sealed ? seal.root : '', events: 2, chains: 1 });
    } finally {
      client.release();
    }
  });

  it('filters by who, pages newest first with a keyset cursor, and ends', async () => {
    const first = await searchAudit(admin, { user: alice.id, action: 'denial' });
    expect(first.rows).toHaveLength(AUDIT_PAGE_SIZE);
    expect(first.rows[0]).toMatchObject({ entityId: `${run}-${AUDIT_PAGE_SIZE + 4}`, actor: { id: alice.id, name: alice.name }, ip: '10.9.8.7' });
    const second = await searchAudit(admin, { user: alice.id, action: 'denial', cursor: first.nextCursor! });
    expect(second.rows.map((r) => r.entityId)).toEqual([4, 3, 2, 1, 0].map((i) => `${run}-${i}`));
    expect(second.nextCursor).toBeNull();
  });

  it('filters by action (exact or family), record, address and date range', async () => {
    expect((await searchAudit(admin, { user: bob.id, action: 'denial.assign' })).rows.map((r) => r.entityId)).toEqual([`${run}-bob`]);
    expect((await searchAudit(admin, { user: bob.id, action: 'deni' })).rows).toEqual([]);
    expect((await searchAudit(admin, { entityType: 'user', entityId: alice.id })).rows.map((r) => r.action)).toContain('user.update');
    expect((await searchAudit(admin, { ip: '10.9.8.7', entityId: `${run}-3` })).rows).toHaveLength(1);
    expect((await searchAudit(admin, { user: alice.id, to: '2000-01-01' })).rows).toEqual([]);
    expect((await searchAudit(admin, { user: alice.id, from: '2000-01-01', to: '2199-12-31' })).rows).toHaveLength(AUDIT_PAGE_SIZE);
  });

  it('masks member ids in details', async () => {
    const [event] = (await searchAudit(admin, { user: bob.id, action: 'denial.assign' })).rows;
    expect(event!.details).toEqual({ memberId: '******4321', to: alice.id });
  });

  it('refuses everyone but the admin, and audits the search itself', async () => {
    for (const who of [alice, bob]) await expect(searchAudit(who, {})).rejects.toMatchObject({ code: 'forbidden' });
    await searchAudit(admin, { user: bob.id });
    const event = await db.auditEvent.findFirst({ where: { actorId: admin.id, action: 'audit.search' }, orderBy: { id: 'desc' } });
    expect(event?.details).toMatchObject({ user: bob.id, rows: 2 });
  });

  it('rejects a bad filter with a message, never a guess', () => {
    const bad = auditSearchSchema.safeParse({ user: 'not-an-id', from: '2026-02-30', action: 'x; DROP TABLE' });
    expect(bad.success).toBe(false);
    expect(auditSearchSchema.safeParse({ from: '2026-03-01', to: '2026-02-01' }).success).toBe(false);
    expect(auditSearchSchema.parse({ user: '', action: ' Denial.Assign ' })).toEqual({ action: 'denial.assign' });
  });
});

describe('the audit export', () => {
  it('streams the filtered trail, neutralised and masked, and is itself audited with its row count', async () => {
    const csv = await readCsv(await exportAudit(admin, { user: bob.id }, '2026-12-06'));
    expect(csv.bom).toBe(true);
    expect(csv.header[0]).toBe('Event');
    expect(csv.rows.map((r) => r[4])).toEqual(['user.update', 'denial.assign']);
    expect(csv.rows[1]![10]).toContain('******4321');
    expect(csv.rows[1]![10]).not.toContain('W987654321');
    // Details are JSON text starting with "{": not a formula; a hostile value inside stays inside the JSON.
    expect(csv.rows[0]![10]).toBe('{"reason":"=HYPERLINK(\\"http://x\\")"}');
    const done = await db.auditEvent.findFirst({ where: { actorId: admin.id, action: 'export.completed' }, orderBy: { id: 'desc' } });
    expect(done).toMatchObject({ entityType: 'export', phi: false, details: { list: 'audit', user: bob.id, rows: 2 } });
  });

  it('exports every matching event, newest first', async () => {
    const csv = await readCsv(await exportAudit(admin, { user: alice.id }, '2026-12-06'));
    expect(csv.rows).toHaveLength(AUDIT_PAGE_SIZE + 5);
    const ids = csv.rows.map((r) => BigInt(r[0]!));
    expect(ids.every((id, i) => i === 0 || id < ids[i - 1]!)).toBe(true);
  });

  it('refuses everyone but the admin', async () => {
    await expect(exportAudit(bob, {}, '2026-12-06')).rejects.toMatchObject({ code: 'forbidden' });
  });
});
