// The bell's wire contract: the unread count it polls, the list it opens, and marking as read.
import { z } from 'zod';
import type { NotificationKind } from '../notifications';

export interface NotificationDto {
  id: string;
  kind: NotificationKind;
  title: string;
  body: string | null;
  href: string | null;
  /** Who caused it; null for the system (an SLA, a remittance). */
  actorName: string | null;
  createdAt: string;
  read: boolean;
}

export interface NotificationListDto {
  unread: number;
  items: NotificationDto[];
}

/** How many the bell lists (newest first); older ones are on /notifications. */
export const BELL_LIST_SIZE = 20;
export const NOTIFICATION_PAGE_SIZE = 50;

export const markNotificationsReadInput = z.object({
  /** The notifications the viewer saw (at most a page). */
  ids: z.array(z.uuid()).min(1).max(NOTIFICATION_PAGE_SIZE),
});
export type MarkNotificationsReadInput = z.infer<typeof markNotificationsReadInput>;

export const listNotificationsInput = z.object({
  limit: z.coerce.number().int().min(1).max(NOTIFICATION_PAGE_SIZE).default(BELL_LIST_SIZE),
  /** Keyset: list those created before this notification (the last one shown). */
  before: z.uuid().optional(),
});
export type ListNotificationsInput = z.infer<typeof listNotificationsInput>;
