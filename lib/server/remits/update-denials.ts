import 'server-only';
import type pg from 'pg';
import { systemActor } from '../audit';
import { closeEscalationsOfClosedDenials } from '../escalations/close-escalations';
import type { DenialUpdate } from './decide-denials';
import { notifyRecoveries, recoveredBefore } from './notify-recoveries';

const CLOSED = new Set(['resolved_paid', 'resolved_partial', 'written_off']);

/** Money and status changes to stored denials; a version bump makes an edit based on the old state stale. */
export async function updateDenials(client: pg.PoolClient, updates: DenialUpdate[], actorId: string | null = null): Promise<void> {
  if (updates.length === 0) return;
  const before = await recoveredBefore(client, updates.map((u) => u.id));
  await client.query(
    `UPDATE denial d SET status = u.status::"DenialStatus", "recoveredCents" = u.recovered, "overpaidCents" = u.overpaid,
            "resolvedAt" = CASE WHEN u.status IN ('resolved_paid', 'resolved_partial') THEN coalesce(d."resolvedAt", now())
                                WHEN u.status = 'written_off' THEN d."resolvedAt" END,
            -- A payment that closes the denial ends its follow-up; a reversal that reopens it leaves none set.
            "followUpDate" = CASE WHEN u.status IN ('resolved_paid', 'resolved_partial', 'written_off') THEN NULL ELSE d."followUpDate" END,
            -- Resolution ends an escalation (lib/domain/lifecycle.ts), as when a person records the payment.
            escalated = d.escalated AND u.status NOT IN ('resolved_paid', 'resolved_partial', 'written_off'),
            version = d.version + 1, "updatedAt" = now()
     FROM unnest($1::uuid[], $2::text[], $3::bigint[], $4::bigint[]) AS u(id, status, recovered, overpaid)
     WHERE d.id = u.id`,
    [updates.map((u) => u.id), updates.map((u) => u.status), updates.map((u) => String(u.recoveredCents)), updates.map((u) => String(u.overpaidCents))],
  );
  // Each owner hears what this remittance paid or took back on their denials.
  await notifyRecoveries(
    client,
    actorId,
    updates.flatMap((u) => {
      const was = before.get(u.id);
      return was ? [{ denialId: u.id, ownerId: was.ownerId, claimRef: was.claimRef, deltaCents: u.recoveredCents - was.recoveredCents }] : [];
    }),
  );
  const closed = updates.filter((u) => CLOSED.has(u.status)).map((u) => u.id);
  if (closed.length > 0) await closeEscalationsOfClosedDenials(client, systemActor(null, 'remittance import', { id: actorId }), closed);
  // As when a person records the payer's decision (lib/server/appeals/decide-appeal.ts): the appeal with the
  // payer is decided — overturned when the payment settles the denial, partially when it pays part. A draft that
  // never went to the payer stays a draft: the payer did not decide it.
  const won = updates.filter((u) => u.appealWonOn !== null);
  if (won.length === 0) return;
  await client.query(
    `UPDATE appeal a SET "decidedAt" = u.decided, "updatedAt" = now(),
            outcome = CASE WHEN u.status = 'resolved_partial' THEN 'partially_overturned' ELSE 'overturned' END,
            "recoveredCents" = u.recovered
     FROM unnest($1::uuid[], $2::date[], $3::bigint[], $4::text[]) AS u(denial, decided, recovered, status)
     WHERE a."denialId" = u.denial AND a."decidedAt" IS NULL AND a."submittedAt" IS NOT NULL`,
    [won.map((u) => u.id), won.map((u) => u.appealWonOn), won.map((u) => String(u.recoveredCents)), won.map((u) => u.status)],
  );
}
