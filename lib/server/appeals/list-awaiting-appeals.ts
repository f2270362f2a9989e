import 'server-only';
import { z } from 'zod';
import { parseAppealLevel } from '@/lib/domain/appeal-levels';
import { APPEAL_METHODS, APPEAL_METHOD_LABEL, type AppealMethod } from '@/lib/domain/appeals/appeal-chain';
import {
  AWAITING_PAGE_SIZE,
  type AwaitingAppealDto,
  type AwaitingAppealsPageDto,
  type AwaitingParams,
  type StatusCheckState,
} from '@/lib/domain/contracts/awaiting-appeals';
import { isoDateInput } from '@/lib/domain/contracts/dates';
import { type IsoDate, diffDays } from '@/lib/domain/dates';
import { levelName } from '@/lib/domain/deadline';
import type { PayerType } from '@/lib/domain/payer-rules';
import type { Actor } from '@/lib/domain/permissions';
import { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { authorize } from '../authorize';
import { db } from '../db';
import { reachSql } from '../denials/queue-sql';
import { decodeCursor, encodeCursor } from '../keyset-cursor';
import { query } from '../sql';

// "Appeals awaiting decision" (issue 13): every submitted appeal the payer has not decided, within the actor's
// reach exactly as the queue's (own, team and pool; everything for an organisation-wide manager), by the date its
// status check is due — overdue first, most overdue at the top. Keyset pages over appeal_statusCheckOn_idx in
// two phases: appeals filed before status checks existed (no date: due since their submission) come first by
// id, then the dated ones by (statusCheckOn, id) — each phase one index range, no OR over NULL.

interface Row {
  appealId: string;
  denialId: string;
  patientName: string | null;
  patientControlNumber: string;
  payerClaimNumber: string | null;
  payerName: string;
  payerType: PayerType;
  level: string;
  submittedOn: IsoDate;
  method: string | null;
  payerReference: string | null;
  statusCheckOn: IsoDate | null;
  ownerName: string | null;
  deniedCents: string;
}


const cursorSchema = z.discriminatedUnion('p', [
  z.object({ p: z.literal('undated'), id: z.uuid() }),
  z.object({ p: z.literal('dated'), v: isoDateInput(), id: z.uuid() }),
]);

const isMethod = (v: string | null): v is AppealMethod => v !== null && (APPEAL_METHODS as readonly string[]).includes(v);

function select(where: Prisma.Sql, orderBy: Prisma.Sql, limit: number): Promise<Row[]> {
  return query<Row>(Prisma.sql`
    SELECT a.id AS "appealId", d.id AS "denialId", d."patientName", d."patientControlNumber", d."payerClaimNumber",
           p.name AS "payerName", p."payerType"::text AS "payerType", a.level, a."submittedAt"::text AS "submittedOn",
           a.method, a."payerReference", a."statusCheckOn"::text AS "statusCheckOn", u.name AS "ownerName", d."deniedCents"
    FROM appeal a
    JOIN denial d ON d.id = a."denialId"
    JOIN payer p ON p.id = d."payerId"
    LEFT JOIN app_user u ON u.id = d."ownerId"
    WHERE a."submittedAt" IS NOT NULL AND a."decidedAt" IS NULL AND ${where}
    ORDER BY ${orderBy}
    LIMIT ${limit}`);
}

function toDto(row: Row, today: IsoDate): AwaitingAppealDto {
  const level = parseAppealLevel(row.level);
  const checkOn = row.statusCheckOn ?? row.submittedOn;
  const late = diffDays(today, checkOn);
  const state: StatusCheckState = late > 0 ? 'overdue' : late === 0 ? 'today' : 'later';
  return {
    appealId: row.appealId,
    denialId: row.denialId,
    patientName: row.patientName,
    claimNumber: row.patientControlNumber,
    payerClaimNumber: row.payerClaimNumber,
    payerName: row.payerName,
    levelName: level === null ? `Level ${row.level}` : levelName({ payerType: row.payerType }, level),
    submittedOn: row.submittedOn,
    method: isMethod(row.method) ? APPEAL_METHOD_LABEL[row.method] : row.method,
    payerReference: row.payerReference,
    statusCheckOn: checkOn,
    statusCheck: state,
    daysOverdue: Math.max(0, late),
    daysWaiting: Math.max(0, diffDays(today, row.submittedOn)),
    ownerName: row.ownerName,
    deniedCents: Number(row.deniedCents),
  };
}

/** One page of appeals awaiting a decision, with the payers the filter offers. An audited PHI read. */
export async function listAwaitingAppeals(actor: Actor, params: AwaitingParams, today: IsoDate, limit = AWAITING_PAGE_SIZE): Promise<AwaitingAppealsPageDto> {
  authorize(actor, 'view_queue', undefined, 'Your role does not include denials and their appeals.');
  const cursor = params.after ? decodeCursor(params.after, cursorSchema) : null;
  const filters: Prisma.Sql[] = [reachSql(actor)];
  if (params.owner === 'me') filters.push(Prisma.sql`d."ownerId" = ${actor.id}::uuid`);
  if (params.payer) filters.push(Prisma.sql`d."payerId" = ${params.payer}::uuid`);
  if (params.overdue) filters.push(Prisma.sql`(a."statusCheckOn" IS NULL OR a."statusCheckOn" < ${today}::date)`);
  const where = Prisma.join(filters, ' AND ');

  let rows: Row[] = [];
  if (cursor === null || cursor.p === 'undated') {
    const after = cursor ? Prisma.sql`a.id > ${cursor.id}::uuid` : Prisma.sql`TRUE`;
    rows = await select(Prisma.sql`${where} AND a."statusCheckOn" IS NULL AND ${after}`, Prisma.sql`a.id`, limit + 1);
  }
  if (rows.length <= limit) {
    const after =
      cursor?.p === 'dated' ? Prisma.sql`(a."statusCheckOn", a.id) > (${cursor.v}::date, ${cursor.id}::uuid)` : Prisma.sql`TRUE`;
    const dated = await select(Prisma.sql`${where} AND a."statusCheckOn" IS NOT NULL AND ${after}`, Prisma.sql`a."statusCheckOn", a.id`, limit + 1 - rows.length);
    rows = rows.concat(dated);
  }
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next =
    rows.length > limit && last
      ? encodeCursor(last.statusCheckOn === null ? { p: 'undated', id: last.appealId } : { p: 'dated', v: last.statusCheckOn, id: last.appealId })
      : null;
  const payers = await db.payer.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } });
  await audit(actor, {
    action: 'appeal.list_awaiting',
    entityType: 'appeal',
    phi: true,
    details: { owner: params.owner, payer: params.payer ?? null, overdue: params.overdue, page: params.after ? 'next' : 'first', appealIds: page.map((r) => r.appealId) },
  });
  return { rows: page.map((row) => toDto(row, today)), next, payers };
}
