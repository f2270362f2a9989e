import 'server-only';
import type pg from 'pg';
import { Prisma } from '@/lib/generated/prisma/client';
import { NOTIFICATION_BODY_MAX, NOTIFICATION_TITLE_MAX, type NotificationKind, clip } from '@/lib/domain/notifications';
import type { Db, Tx } from '../db';
import { newId } from '../remits/new-id';

export interface NewNotification {
  /** The recipient. A notification to the actor themselves is dropped (you know what you just did). */
  userId: string;
  kind: NotificationKind;
  title: string;
  body?: string | null;
  /** The app path it opens, e.g. `/denials/<id>`. */
  href?: string | null;
  denialId?: string | null;
}

/** Where it is written: the Prisma transaction or the pg connection (ingest) of the change it reports. */
export type NotifyTarget = Db | Tx | pg.ClientBase;

const isPg = (target: NotifyTarget): target is pg.ClientBase => !('$executeRaw' in target);

/**
 * Writes notifications in the caller's transaction, so a rolled-back change notifies nobody. One statement
 * for any number (a bulk move of 500 denials notifies its new owner once per denial in one INSERT … unnest).
 * `actorId` is who caused them (null: the system); notifications addressed to that same user are skipped.
 */
export async function notify(on: NotifyTarget, actorId: string | null, items: readonly NewNotification[]): Promise<number> {
  const rows = items.filter((n) => n.userId !== actorId);
  if (rows.length === 0) return 0;
  const statement = Prisma.sql`
    INSERT INTO notification (id, "userId", kind, title, body, href, "denialId", "actorId")
    SELECT i, u, k, t, b, h, d, ${actorId}::uuid
      FROM unnest(${rows.map(() => newId())}::uuid[], ${rows.map((n) => n.userId)}::uuid[], ${rows.map((n) => n.kind)}::text[],
                  ${rows.map((n) => clip(n.title, NOTIFICATION_TITLE_MAX))}::text[],
                  ${rows.map((n) => (n.body ? clip(n.body, NOTIFICATION_BODY_MAX) : null))}::text[],
                  ${rows.map((n) => n.href ?? null)}::text[], ${rows.map((n) => n.denialId ?? null)}::uuid[]) AS x(i, u, k, t, b, h, d)`;
  if (isPg(on)) await on.query(statement.text, statement.values as unknown[]);
  else await on.$executeRaw(statement);
  return rows.length;
}
