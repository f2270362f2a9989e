import 'server-only';
import type { ListNotificationsInput, NotificationDto, NotificationListDto } from '@/lib/domain/contracts/notifications';
import type { NotificationKind } from '@/lib/domain/notifications';
import type { Actor } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { authorizeRole } from '../authorize';
import { db } from '../db';

/**
 * The actor's own notifications, newest first (keyset on the UUIDv7 id), with the unread count. Audited as a
 * PHI read: a title can quote an escalation's reason or a note, which people type and may name a patient.
 */
export async function listNotifications(actor: Actor, input: ListNotificationsInput): Promise<NotificationListDto> {
  authorizeRole(actor, 'view_notifications');
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId: actor.id, ...(input.before ? { id: { lt: input.before } } : {}) },
      orderBy: { id: 'desc' },
      take: input.limit,
      select: { id: true, kind: true, title: true, body: true, href: true, createdAt: true, readAt: true, actorId: true },
    }),
    countUnreadNotifications(actor),
  ]);
  const actorIds = [...new Set(rows.map((r) => r.actorId).filter((id): id is string => id !== null))];
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  await audit(actor, { action: 'notification.list', entityType: 'user', entityId: actor.id, phi: true, details: { count: rows.length } });
  const items: NotificationDto[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind as NotificationKind,
    title: r.title,
    body: r.body,
    href: r.href,
    actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
    createdAt: r.createdAt.toISOString(),
    read: r.readAt !== null,
  }));
  return { unread, items };
}

/**
 * How many of the actor's notifications are unread: what the bell polls. A number about the viewer's own inbox,
 * no PHI, so not audited (a poll every few seconds would bury the trail).
 */
export async function countUnreadNotifications(actor: Actor): Promise<number> {
  authorizeRole(actor, 'view_notifications');
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}
