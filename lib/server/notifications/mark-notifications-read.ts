import 'server-only';
import type { MarkNotificationsReadInput } from '@/lib/domain/contracts/notifications';
import type { Actor } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { authorizeRole } from '../authorize';
import { db } from '../db';

/**
 * Marks the notifications the viewer saw as read — only their own: another user's id changes nothing and says
 * nothing about whether it exists. Returns the unread count after.
 */
export async function markNotificationsRead(actor: Actor, input: MarkNotificationsReadInput): Promise<{ marked: number; unread: number }> {
  authorizeRole(actor, 'view_notifications');
  return db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({ where: { id: { in: input.ids }, userId: actor.id, readAt: null }, data: { readAt: new Date() } });
    if (count > 0) await audit(actor, { action: 'notification.read', entityType: 'user', entityId: actor.id, details: { count } }, tx);
    const unread = await tx.notification.count({ where: { userId: actor.id, readAt: null } });
    return { marked: count, unread };
  });
}
