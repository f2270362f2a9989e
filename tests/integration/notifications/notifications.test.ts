import { afterAll, describe, expect, it } from 'vitest';
import { db, pool } from '@/lib/server/db';
import { countUnreadNotifications, listNotifications } from '@/lib/server/notifications/list-notifications';
import { markNotificationsRead } from '@/lib/server/notifications/mark-notifications-read';
import { notify } from '@/lib/server/notifications/notify';
import { createPerson } from '../../support/denial-factory';

afterAll(async () => {
  await db.$disconnect();
  await pool.end();
});

describe('the bell', () => {
  it('lists only my notifications, newest first, a page at a time, with who caused them', async () => {
    const me = await createPerson('specialist');
    const lee = await createPerson('manager');
    const other = await createPerson('specialist');
    for (let i = 1; i <= 5; i++) await notify(db, lee.id, [{ userId: me.id, kind: 'assignment', title: `n${i}` }]);
    await notify(db, lee.id, [{ userId: other.id, kind: 'assignment', title: 'not mine' }]);

    const first = await listNotifications(me, { limit: 3 });
    expect(first.items.map((n) => n.title)).toEqual(['n5', 'n4', 'n3']);
    expect(first.unread).toBe(5);
    expect(first.items[0]!.actorName).toBe(lee.name);
    const next = await listNotifications(me, { limit: 3, before: first.items.at(-1)!.id });
    expect(next.items.map((n) => n.title)).toEqual(['n2', 'n1']);

    const audited = await db.auditEvent.findFirst({ where: { actorId: me.id, action: 'notification.list' } });
    expect(audited?.phi).toBe(true);
  });

  it('marks read only my own, and the count follows', async () => {
    const me = await createPerson('manager');
    const other = await createPerson('manager');
    await notify(db, null, [
      { userId: me.id, kind: 'sla_fired', title: 'a' },
      { userId: me.id, kind: 'sla_fired', title: 'b' },
      { userId: other.id, kind: 'sla_fired', title: 'theirs' },
    ]);
    const mine = await listNotifications(me, { limit: 20 });
    const theirs = await listNotifications(other, { limit: 20 });
    const result = await markNotificationsRead(me, { ids: [mine.items[0]!.id, theirs.items[0]!.id] });
    expect(result).toEqual({ marked: 1, unread: 1 });
    expect(await countUnreadNotifications(other)).toBe(1);
    expect((await listNotifications(me, { limit: 20 })).items.map((n) => [n.title, n.read])).toEqual([
      ['b', true],
      ['a', false],
    ]);
  });
});
