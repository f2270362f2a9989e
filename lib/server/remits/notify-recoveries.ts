import 'server-only';
import type pg from 'pg';
import { formatUsd } from '@/lib/domain/money';
import type { NewNotification } from '../notifications/notify';
import { notify } from '../notifications/notify';

/** Above this many payments for one owner in one remittance, they get one summary instead of one each. */
const ONE_BY_ONE = 5;

export interface RecoveryChange {
  denialId: string;
  ownerId: string | null;
  claimRef: string;
  /** Cents paid (positive) or taken back (negative) by this remittance. */
  deltaCents: number;
}

/** What the owners of denials a remittance paid (or reversed) are told, grouped by owner. Pure. */
export function recoveryNotifications(changes: readonly RecoveryChange[]): NewNotification[] {
  const byOwner = new Map<string, RecoveryChange[]>();
  for (const c of changes) if (c.ownerId && c.deltaCents !== 0) byOwner.set(c.ownerId, [...(byOwner.get(c.ownerId) ?? []), c]);
  return [...byOwner].flatMap(([userId, mine]) => {
    if (mine.length <= ONE_BY_ONE) {
      return mine.map((c) => ({
        userId,
        kind: 'recovery' as const,
        title: c.deltaCents > 0 ? `Paid ${formatUsd(c.deltaCents, { showCents: true })} on claim ${c.claimRef}` : `Payment of ${formatUsd(-c.deltaCents, { showCents: true })} taken back on claim ${c.claimRef}`,
        href: `/denials/${c.denialId}`,
        denialId: c.denialId,
      }));
    }
    const net = mine.reduce((sum, c) => sum + c.deltaCents, 0);
    return [{ userId, kind: 'recovery' as const, title: `A remittance changed payments on ${mine.length} of your denials (net ${formatUsd(net, { showCents: true })})`, href: '/imports' }];
  });
}

/**
 * Reads what the denials held before a remittance's update (their owner and recovered amount), so the change can
 * be told to each owner after it, in the same transaction.
 */
export async function recoveredBefore(client: pg.ClientBase, ids: readonly string[]): Promise<Map<string, { ownerId: string | null; claimRef: string; recoveredCents: number }>> {
  const { rows } = await client.query<{ id: string; ownerId: string | null; ref: string; recovered: string }>(
    `SELECT id, "ownerId", "patientControlNumber" AS ref, "recoveredCents"::text AS recovered FROM denial WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { ownerId: r.ownerId, claimRef: r.ref, recoveredCents: Number(r.recovered) }]));
}

export async function notifyRecoveries(client: pg.ClientBase, actorId: string | null, changes: readonly RecoveryChange[]): Promise<void> {
  await notify(client, actorId, recoveryNotifications(changes));
}
