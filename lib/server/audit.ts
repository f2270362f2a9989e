import 'server-only';
import type pg from 'pg';
import type { Actor } from '@/lib/domain/permissions';
import { Prisma } from '@/lib/generated/prisma/client';
import { type Db, type Tx, db } from './db';

/**
 * No signed-in user behind the event: a sign-in attempt, or a trusted script run on the server (the ingest CLI,
 * the seed, a benchmark). Only server code builds one; no request can.
 */
export interface SystemActor {
  system: true;
  id: string | null;
  email: string | null;
  ip: string | null;
  userAgent: string | null;
}

export function systemActor(email: string | null, userAgent: string | null, extra: { id?: string | null; ip?: string | null } = {}): SystemActor {
  return { system: true, id: extra.id ?? null, email, ip: extra.ip ?? null, userAgent };
}

export const isSystemActor = (actor: Actor | SystemActor): actor is SystemActor => 'system' in actor;

export interface AuditInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** True when the event records a read of protected health information. */
  phi?: boolean;
  details?: Prisma.InputJsonValue;
}

/** Where the event is written: the client or transaction of the write it records, or a pg connection (imports). */
export type AuditTarget = Db | Tx | pg.ClientBase;

const isPg = (target: AuditTarget): target is pg.ClientBase => !('$executeRaw' in target);

/**
 * The one audit writer: appends one event (who, when, what, from where). Pass the transaction — Prisma's, or the
 * pg connection an import runs on — of the write it records, so both commit or neither does. The table is
 * append-only in the database (see the audit migration).
 */
export async function audit(actor: Actor | SystemActor, input: AuditInput, on: AuditTarget = db): Promise<void> {
  const statement = Prisma.sql`
    INSERT INTO audit_event ("actorId", "actorEmail", ip, "userAgent", action, "entityType", "entityId", phi, details)
    VALUES (${actor.id}::uuid, ${actor.email}, ${actor.ip}, ${actor.userAgent}, ${input.action}, ${input.entityType},
            ${input.entityId ?? null}, ${input.phi ?? false}, ${JSON.stringify(input.details ?? {})}::jsonb)`;
  if (isPg(on)) await on.query(statement.text, statement.values as unknown[]);
  else await on.$executeRaw(statement);
}
