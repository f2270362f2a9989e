import 'server-only';
import type { AuditSearch, AuditEventDto, AuditSealDto } from '@/lib/domain/contracts/audit';
import { SEAL_ACTION, SEAL_ENTITY } from '@/lib/domain/audit-chain';
import { maskAuditDetails } from '@/lib/domain/audit-masking';
import type pg from 'pg';
import { Prisma } from '@/lib/generated/prisma/client';
import { startOfDay } from '../clock';
import { addDays } from '@/lib/domain/dates';
import { query } from '../sql';

/** The search's conditions, each a fixed fragment with bound parameters. */
export function auditWhere(search: AuditSearch): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (search.user) parts.push(Prisma.sql`e."actorId" = ${search.user}::uuid`);
  // "denial" finds denial.assign, denial.list...; "denial.list" finds itself.
  if (search.action) parts.push(Prisma.sql`(e.action = ${search.action} OR starts_with(e.action, ${`${search.action}.`}))`);
  if (search.entityType) parts.push(Prisma.sql`e."entityType" = ${search.entityType}`);
  if (search.entityId) parts.push(Prisma.sql`e."entityId" = ${search.entityId}`);
  if (search.from) parts.push(Prisma.sql`e.at >= ${startOfDay(search.from)}`);
  if (search.to) parts.push(Prisma.sql`e.at < ${startOfDay(addDays(search.to, 1))}`);
  if (search.ip) parts.push(Prisma.sql`e.ip = ${search.ip}`);
  return Prisma.join(parts, ' AND ');
}

interface AuditRow {
  id: string;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  phi: boolean;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
}

/**
 * Newest first by id (appended in order, so id order is time order), after `afterId`: keyset, so the
 * thousandth page costs what the first does and an export walks the whole trail one batch at a time.
 */
export async function selectAuditEvents(where: Prisma.Sql, afterId: string | null, limit: number, client?: pg.Pool): Promise<AuditEventDto[]> {
  const after = afterId ? Prisma.sql`e.id < ${afterId}::bigint` : Prisma.sql`TRUE`;
  const rows = await query<AuditRow>(Prisma.sql`
    SELECT e.id::text AS id, e.at, e."actorId", e."actorEmail", u.name AS "actorName", e.action, e."entityType", e."entityId",
           e.phi, e.ip, e."userAgent", e.details
    FROM audit_event e
    LEFT JOIN app_user u ON u.id = e."actorId"
    WHERE ${where} AND ${after}
    ORDER BY e.id DESC
    LIMIT ${limit}`, { client });
  return rows.map((r) => ({
    id: r.id,
    at: r.at.toISOString(),
    actor: { id: r.actorId, email: r.actorEmail, name: r.actorName },
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    phi: r.phi,
    ip: r.ip,
    userAgent: r.userAgent,
    details: maskAuditDetails(r.details),
  }));
}

/** The newest day's seal (lib/server/audit/seal-day.ts), on the (entityType, entityId) index. */
/** The UTC day of the trail's first event (null: no event yet): the days before today that should be sealed. */
export async function selectFirstEventDay(): Promise<string | null> {
  const rows = await query<{ day: string | null }>(Prisma.sql`SELECT to_char(min(at) AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day FROM audit_event`);
  return rows[0]?.day ?? null;
}

export async function selectLastSeal(): Promise<AuditSealDto | null> {
  const rows = await query<{ day: string; root: string; events: number; chains: number }>(Prisma.sql`
    SELECT "entityId" AS day, details->>'root' AS root, (details->>'events')::int AS events, (details->>'chains')::int AS chains
    FROM audit_event
    WHERE "entityType" = ${SEAL_ENTITY} AND action = ${SEAL_ACTION}
    ORDER BY "entityId" DESC, id DESC
    LIMIT 1`);
  return rows[0] ?? null;
}
