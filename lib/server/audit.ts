import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db, type Tx } from './db';

export interface AuditActor {
  id: string | null;
  email: string | null;
  ip?: string | null;
  userAgent?: string | null;
}

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** True when the event records a read of protected health information. */
  phi?: boolean;
  details?: Prisma.InputJsonValue;
}

/**
 * Appends one audit event (who, when, what, from where). Pass the transaction of the write it records so
 * both commit or neither does. The table is append-only in the database (see the audit migration).
 */
export async function audit(actor: AuditActor, input: AuditInput, tx: Tx = db): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor.id,
      actorEmail: actor.email,
      ip: actor.ip ?? null,
      userAgent: actor.userAgent ?? null,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      phi: input.phi ?? false,
      details: input.details ?? {},
    },
  });
}
