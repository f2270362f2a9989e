import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { Actor } from '@/lib/domain/permissions';
import { type SystemActor, audit } from '../audit';
import type { Tx } from '../db';
import { notify } from '../notifications/notify';
import { newId } from '../remits/new-id';
import { managersOfTeams } from './team-managers';

export interface EscalationRequest {
  denialId: string;
  reason: string;
  /** The SLA rule that fired (system escalations); null when a person raised it. */
  slaRule?: string | null;
}

export interface RaisedEscalation {
  id: string;
  denialId: string;
  teamId: string | null;
}

/**
 * Opens escalations in the caller's transaction: one row each, denial.escalated set (and its version moved, so
 * an edit from before the escalation is refused as stale), a timeline event, an audit event, and a notification
 * to each manager of the denial's team. A denial that is closed or already has an open escalation is skipped —
 * the partial unique index `escalation_one_open_idx` makes that hold even for two processes at once — so
 * calling it twice raises nothing twice. Returns what it opened.
 *
 * The caller has already checked the actor may escalate these denials (a person: `can(actor, 'escalate', …)`;
 * the SLA job: a system actor).
 */
export async function raiseEscalations(tx: Tx, actor: Actor | SystemActor, requests: readonly EscalationRequest[]): Promise<RaisedEscalation[]> {
  if (requests.length === 0) return [];
  const ids = requests.map(() => newId());
  const raisedBy = 'system' in actor ? null : actor.id;
  const opened = await tx.$queryRaw<RaisedEscalation[]>(Prisma.sql`
    WITH req AS (
      SELECT * FROM unnest(${ids}::uuid[], ${requests.map((r) => r.denialId)}::uuid[], ${requests.map((r) => r.reason)}::text[],
                           ${requests.map((r) => r.slaRule ?? null)}::text[]) AS r(id, "denialId", reason, "slaRule")
    ), inserted AS (
      INSERT INTO escalation (id, "denialId", "teamId", "raisedById", reason, "slaRule")
      SELECT req.id, d.id, d."teamId", ${raisedBy}::uuid, req.reason, req."slaRule"
        FROM req JOIN denial d ON d.id = req."denialId"
       WHERE d.status NOT IN ('resolved_paid', 'resolved_partial', 'written_off')
      ON CONFLICT ("denialId") WHERE status = 'open' DO NOTHING
      RETURNING id, "denialId", "teamId"
    ), flagged AS (
      UPDATE denial d SET escalated = true, "escalatedAt" = now(), version = d.version + 1, "updatedAt" = now()
        FROM inserted i WHERE d.id = i."denialId"
      RETURNING d.id
    )
    SELECT i.id, i."denialId", i."teamId" FROM inserted i JOIN flagged f ON f.id = i."denialId"`);
  if (opened.length === 0) return [];

  const byDenial = new Map(requests.map((r) => [r.denialId, r]));
  await tx.denialEvent.createMany({
    data: opened.map((e) => {
      const request = byDenial.get(e.denialId)!;
      return {
        denialId: e.denialId,
        actorId: raisedBy,
        type: 'escalated',
        note: request.reason,
        data: { escalated: true, escalationId: e.id, ...(request.slaRule ? { slaRule: request.slaRule } : {}) },
      };
    }),
  });
  const managers = await managersOfTeams(tx, opened.map((e) => e.teamId));
  await notify(
    tx,
    raisedBy,
    opened.flatMap((e) => {
      const request = byDenial.get(e.denialId)!;
      return (managers.get(e.teamId) ?? []).map((userId) => ({
        userId,
        kind: request.slaRule ? ('sla_fired' as const) : ('escalation_raised' as const),
        title: request.slaRule ? `SLA escalated a denial: ${request.reason}` : `Escalated to you: ${request.reason}`,
        href: `/denials/${e.denialId}`,
        denialId: e.denialId,
      }));
    }),
  );
  for (const e of opened) {
    await audit(actor, { action: 'denial.escalate', entityType: 'denial', entityId: e.denialId, details: { escalationId: e.id, slaRule: byDenial.get(e.denialId)!.slaRule ?? null } }, tx);
  }
  return opened;
}
