import 'server-only';
import type pg from 'pg';
import type { Assignment } from '@/lib/domain/assignment/distribute';
import { formatUsd } from '@/lib/domain/money';
import { Prisma } from '@/lib/generated/prisma/client';
import { type NewNotification, notify } from '../notifications/notify';
import type { Routing } from './load-routing';

// What routing writes besides the denials themselves, shared by the ingest and the re-run: the timeline
// event's data naming the rule, the moved round-robin cursors, and one summary notification per new owner.

export function assignedEventData(routing: Routing, a: Assignment, extra: { status?: { from: string; to: string }; fileId?: string } = {}) {
  return {
    ...(extra.fileId ? { fileId: extra.fileId } : {}),
    from: null,
    to: a.ownerId ? { id: a.ownerId, name: routing.userNames.get(a.ownerId) ?? 'someone' } : null,
    team: { id: a.teamId, name: routing.teamNames.get(a.teamId) ?? 'a team' },
    rule: { id: a.ruleId, name: a.ruleName },
    ...(extra.status && extra.status.from !== extra.status.to ? { status: extra.status } : {}),
  };
}

export async function saveCursors(client: pg.ClientBase, moved: { ruleId: string; userId: string }[]): Promise<void> {
  if (moved.length === 0) return;
  const statement = Prisma.sql`UPDATE assignment_rule r SET "cursorUserId" = m.u
    FROM unnest(${moved.map((m) => m.ruleId)}::uuid[], ${moved.map((m) => m.userId)}::uuid[]) AS m(id, u) WHERE r.id = m.id`;
  await client.query(statement.text, statement.values as unknown[]);
}

/** Per owner: how many denials and dollars the rules gave them in this run. */
export class OwnerTally {
  private readonly byOwner = new Map<string, { count: number; cents: number }>();

  add(ownerId: string | null, cents: number): void {
    if (ownerId === null) return;
    const t = this.byOwner.get(ownerId) ?? { count: 0, cents: 0 };
    t.count += 1;
    t.cents += cents;
    this.byOwner.set(ownerId, t);
  }

  /** One notification per owner (hundreds of rows from one import are one piece of news). */
  async notify(client: pg.ClientBase, actorId: string | null, source: string): Promise<void> {
    const items: NewNotification[] = [...this.byOwner].map(([userId, t]) => ({
      userId,
      kind: 'assignment',
      title: `${t.count.toLocaleString('en-US')} new ${t.count === 1 ? 'denial' : 'denials'} assigned to you (${formatUsd(t.cents)})`,
      body: `Routed to you by the assignment rules ${source}.`,
      href: '/queue?view=mine',
    }));
    await notify(client, actorId, items);
  }
}
