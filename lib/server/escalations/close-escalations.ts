import 'server-only';
import type pg from 'pg';
import type { Actor } from '@/lib/domain/permissions';
import { Prisma } from '@/lib/generated/prisma/client';
import { type SystemActor, audit } from '../audit';
import type { Tx } from '../db';
import { notify } from '../notifications/notify';

const isPg = (target: Tx | pg.ClientBase): target is pg.ClientBase => !('$executeRaw' in target);

/** The note an escalation closed by its denial's closing carries (the timeline shows how the denial closed). */
export const CLOSED_WITH_DENIAL_NOTE = 'The denial was closed (paid or written off).';

/**
 * Marks resolved the open escalations of those denials that are now closed (paid, partly paid, written off), so
 * no escalation waits in a manager's queue for a denial nobody works any more; their raisers are told. Runs in
 * the transaction (Prisma's, or the pg connection an import runs on) of the change that closed them. The denial's
 * own flag is cleared by that change (lib/domain/lifecycle.ts: resolution ends an escalation).
 */
export async function closeEscalationsOfClosedDenials(on: Tx | pg.ClientBase, actor: Actor | SystemActor, denialIds: readonly string[]): Promise<number> {
  if (denialIds.length === 0) return 0;
  const statement = Prisma.sql`
    UPDATE escalation e SET status = 'resolved', "handledById" = ${actor.id}::uuid, "handledAt" = now(), "handledNote" = ${CLOSED_WITH_DENIAL_NOTE}
      FROM denial d
     WHERE d.id = e."denialId" AND e.status = 'open' AND d.id = ANY(${[...denialIds]}::uuid[])
       AND d.status IN ('resolved_paid', 'resolved_partial', 'written_off')
    RETURNING e.id, e."denialId", e."raisedById"`;
  type Closed = { id: string; denialId: string; raisedById: string | null };
  const closed: Closed[] = isPg(on) ? (await on.query<Closed>(statement.text, statement.values as unknown[])).rows : await on.$queryRaw<Closed[]>(statement);
  if (closed.length === 0) return 0;
  await notify(
    on,
    actor.id,
    closed.flatMap((e) =>
      e.raisedById
        ? [{ userId: e.raisedById, kind: 'escalation_handled' as const, title: 'Your escalation closed with its denial', body: CLOSED_WITH_DENIAL_NOTE, href: `/denials/${e.denialId}`, denialId: e.denialId }]
        : [],
    ),
  );
  for (const e of closed) {
    await audit(actor, { action: 'escalation.close', entityType: 'denial', entityId: e.denialId, details: { escalationId: e.id } }, on);
  }
  return closed.length;
}

/**
 * The escalation its denial's closing resolved, if that is the last thing that happened to it — for undoing the
 * closing, which puts the denial back escalated and so must put its escalation back in the manager's queue.
 */
export async function escalationClosedWithDenial(tx: Tx, denialId: string): Promise<string | null> {
  const row = await tx.escalation.findFirst({
    where: { denialId, status: 'resolved', handledNote: CLOSED_WITH_DENIAL_NOTE },
    orderBy: { handledAt: 'desc' },
    select: { id: true },
  });
  return row?.id ?? null;
}

export async function reopenEscalation(tx: Tx, id: string): Promise<void> {
  await tx.escalation.update({ where: { id }, data: { status: 'open', handledById: null, handledAt: null, handledNote: null } });
}
