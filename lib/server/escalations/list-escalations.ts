import 'server-only';
import { z } from 'zod';
import { ESCALATION_PAGE_SIZE, type EscalationParams, type EscalationRowDto, type EscalationsPageDto } from '@/lib/domain/contracts/escalations';
import { type IsoDate, diffDays } from '@/lib/domain/dates';
import type { Actor } from '@/lib/domain/permissions';
import { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { authorize } from '../authorize';
import { reachSql } from '../denials/queue-sql';
import { decodeCursor, encodeCursor } from '../keyset-cursor';
import { query } from '../sql';
import { escalationTeams, reassignTargets } from './reassign-targets';

// The manager's escalation queue (issue 14): open escalations on denials in the manager's reach (their team's,
// their own and the pool's; every team's with organisation-wide scope), oldest first — whoever has waited
// longest is at the top. Keyset pages over (raisedAt, id), read from escalation_open_team_idx's rows.

/** As the database returns it: bigint cents as text, the timestamp as a Date, the claim number by its column. */
type Row = Omit<EscalationRowDto, 'claimNumber' | 'deniedCents' | 'daysLeft' | 'raisedAt'> & { patientControlNumber: string; deniedCents: string; raisedAt: Date };

const cursorSchema = z.object({ at: z.iso.datetime(), id: z.uuid() });

function toDto(row: Row, today: IsoDate): EscalationRowDto {
  return {
    escalationId: row.escalationId,
    denialId: row.denialId,
    patientName: row.patientName,
    claimNumber: row.patientControlNumber,
    payerName: row.payerName,
    deniedCents: Number(row.deniedCents),
    deadlineDate: row.deadlineDate,
    daysLeft: row.deadlineDate ? diffDays(row.deadlineDate, today) : null,
    ownerId: row.ownerId,
    ownerName: row.ownerName,
    teamName: row.teamName,
    raisedBy: row.raisedBy,
    slaRule: row.slaRule,
    reason: row.reason,
    raisedAt: row.raisedAt.toISOString(),
    waitingHours: Number(row.waitingHours),
  };
}

/** One page of open escalations, with the teams the filter offers and the specialists a reassignment may go to. An audited PHI read. */
export async function listEscalations(actor: Actor, params: EscalationParams, today: IsoDate, limit = ESCALATION_PAGE_SIZE): Promise<EscalationsPageDto> {
  authorize(actor, 'handle_escalation', undefined, 'Your role does not include the escalation queue.');
  const cursor = params.after ? decodeCursor(params.after, cursorSchema) : null;
  const filters: Prisma.Sql[] = [Prisma.sql`e.status = 'open'`, reachSql(actor)];
  if (params.source === 'person') filters.push(Prisma.sql`e."slaRule" IS NULL`);
  if (params.source === 'sla') filters.push(Prisma.sql`e."slaRule" IS NOT NULL`);
  if (params.team) filters.push(Prisma.sql`d."teamId" = ${params.team}::uuid`);
  if (cursor) filters.push(Prisma.sql`(e."raisedAt", e.id) > (${cursor.at}::timestamptz, ${cursor.id}::uuid)`);
  const rows = await query<Row>(Prisma.sql`
    SELECT e.id AS "escalationId", d.id AS "denialId", d."patientName", d."patientControlNumber", p.name AS "payerName",
           d."deniedCents", d."deadlineDate"::text AS "deadlineDate", d."ownerId", o.name AS "ownerName", t.name AS "teamName",
           r.name AS "raisedBy", e."slaRule", e.reason, e."raisedAt",
           floor(extract(epoch FROM now() - e."raisedAt") / 3600)::int AS "waitingHours"
      FROM escalation e
      JOIN denial d ON d.id = e."denialId"
      JOIN payer p ON p.id = d."payerId"
      LEFT JOIN app_user o ON o.id = d."ownerId"
      LEFT JOIN team t ON t.id = d."teamId"
      LEFT JOIN app_user r ON r.id = e."raisedById"
     WHERE ${Prisma.join(filters, ' AND ')}
     ORDER BY e."raisedAt", e.id
     LIMIT ${limit + 1}`);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next = rows.length > limit && last ? encodeCursor({ at: last.raisedAt.toISOString(), id: last.escalationId }) : null;
  const [teams, people] = await Promise.all([escalationTeams(actor), reassignTargets(actor)]);
  await audit(actor, {
    action: 'escalation.list',
    entityType: 'escalation',
    phi: true,
    details: { source: params.source, team: params.team ?? null, page: params.after ? 'next' : 'first', escalationIds: page.map((r) => r.escalationId) },
  });
  return { rows: page.map((row) => toDto(row, today)), next, teams, people };
}
