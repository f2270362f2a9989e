import 'server-only';
import { parseAppealLevel } from '@/lib/domain/appeal-levels';
import { APPROVAL_INBOX_LIMIT, type ApprovalInboxDto, type PendingWriteOffDto } from '@/lib/domain/contracts/write-off-approvals';
import { type IsoDate, diffDays } from '@/lib/domain/dates';
import { levelName } from '@/lib/domain/deadline';
import { DEADLINE_KIND_LABEL } from '@/lib/domain/denial-labels';
import { denialDeadlines } from '@/lib/domain/denial-deadline';
import { categoryLabel } from '@/lib/domain/labels';
import { type PayerType, defaultPayerRules } from '@/lib/domain/payer-rules';
import type { Actor } from '@/lib/domain/permissions';
import { writeOffWarnings } from '@/lib/domain/write-off-checks';
import { writeOffReasonLabel } from '@/lib/domain/write-off-reasons';
import { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { authorizeRole } from '../authorize';
import { db } from '../db';
import { reachSql } from '../denials/queue-sql';
import { isoDate } from '../denials/dto';
import { loadPayerRules } from '../scoring/scoring-context';
import { query } from '../sql';

// The write-off approval inbox (issue 14): every pending write-off in the manager's reach (the queue's reach: own,
// team and pool; everything for an organisation-wide manager), oldest request first, with what a manager needs to
// decide without opening the denial: the reason against the data (write-off-checks.ts), the deadline the denial
// would work against if rejected, its appeals and latest notes.

interface Row {
  writeOffId: string;
  reasonCode: string;
  reason: string;
  amountCents: string;
  requestedAt: Date;
  requestedById: string;
  requesterName: string;
  denialId: string;
  version: number;
  patientName: string | null;
  patientControlNumber: string;
  category: string;
  carcCodes: string[];
  rarcCodes: string[];
  serviceDate: IsoDate | null;
  noticeDate: IsoDate | null;
  appealable: boolean;
  appealLevel: string | null;
  payerId: string;
  payerName: string;
  payerType: PayerType;
  groupCodes: string[];
}

const NOTES_SHOWN = 3;

function pendingRows(actor: Actor, limit: number): Promise<Row[]> {
  return query<Row>(Prisma.sql`
    SELECT w.id AS "writeOffId", w."reasonCode", w.reason, w."amountCents", w."requestedAt", w."requestedById", u.name AS "requesterName",
           d.id AS "denialId", d.version, d."patientName", d."patientControlNumber", d.category, d."carcCodes", d."rarcCodes",
           d."serviceDate"::text AS "serviceDate", d."noticeDate"::text AS "noticeDate", d.appealable, d."appealLevel",
           p.id AS "payerId", p.name AS "payerName", p."payerType"::text AS "payerType",
           ARRAY(SELECT DISTINCT a."groupCode" FROM adjustment a WHERE a."claimId" = d."claimId" ORDER BY 1) AS "groupCodes"
    FROM write_off w
    JOIN denial d ON d.id = w."denialId" AND d.status = 'writeoff_pending'
    JOIN payer p ON p.id = d."payerId"
    JOIN app_user u ON u.id = w."requestedById"
    WHERE w.status = 'pending' AND ${reachSql(actor)}
    ORDER BY w."requestedAt", w.id
    LIMIT ${limit}`);
}

async function totals(actor: Actor): Promise<{ n: number; cents: number }> {
  const [row] = await query<{ n: number; cents: string | null }>(Prisma.sql`
    SELECT count(*)::int AS n, sum(w."amountCents")::text AS cents
    FROM write_off w JOIN denial d ON d.id = w."denialId" AND d.status = 'writeoff_pending'
    WHERE w.status = 'pending' AND ${reachSql(actor)}`);
  return { n: row?.n ?? 0, cents: Number(row?.cents ?? 0) };
}

/** The pending write-offs a manager may decide (and their own, marked), with the evidence. An audited PHI read. */
export async function listPendingWriteOffs(actor: Actor, today: IsoDate, limit = APPROVAL_INBOX_LIMIT): Promise<ApprovalInboxDto> {
  authorizeRole(actor, 'approve_writeoff', 'Only managers decide write-offs.');
  const [rows, sum, otherManagers] = await Promise.all([
    pendingRows(actor, limit),
    totals(actor),
    db.user.count({ where: { role: 'manager', disabledAt: null, id: { not: actor.id } } }),
  ]);
  const denialIds = rows.map((r) => r.denialId);
  const [rules, appeals, notes] = await Promise.all([
    loadPayerRules(db, [...new Set(rows.map((r) => r.payerId))]),
    db.appeal.findMany({ where: { denialId: { in: denialIds } }, orderBy: { createdAt: 'asc' }, select: { denialId: true, level: true, submittedAt: true, decidedAt: true, outcome: true } }),
    db.denialEvent.findMany({
      where: { denialId: { in: denialIds }, type: 'note' },
      orderBy: { createdAt: 'desc' },
      select: { denialId: true, note: true, createdAt: true, actor: { select: { name: true } } },
    }),
  ]);
  const dtos = rows.map((r): PendingWriteOffDto => {
    const payerRules = rules.get(r.payerId) ?? defaultPayerRules(r.payerType);
    const mine = appeals.filter((a) => a.denialId === r.denialId);
    const lastDecision = mine.reduce<IsoDate | null>((latest, a) => {
      const on = isoDate(a.decidedAt);
      return on && (!latest || on > latest) ? on : latest;
    }, null);
    // What the denial works against if the write-off is rejected and it goes back to work.
    const due = denialDeadlines(payerRules, {
      status: 'in_progress',
      appealable: r.appealable,
      appealLevel: parseAppealLevel(r.appealLevel),
      noticeDate: r.noticeDate,
      serviceDate: r.serviceDate,
      lastDecisionDate: lastDecision,
    });
    const tf = due.timelyFiling.ok ? due.timelyFiling.dueDate : null;
    const appealDtos = mine.map((a) => {
      const level = parseAppealLevel(a.level);
      return {
        level: level === null ? `Level ${a.level}` : levelName(payerRules, level),
        state: a.decidedAt ? ('decided' as const) : a.submittedAt ? ('with_payer' as const) : ('drafted' as const),
        outcome: a.outcome,
        submittedOn: isoDate(a.submittedAt),
        decidedOn: isoDate(a.decidedAt),
      };
    });
    const amountCents = Number(r.amountCents);
    return {
      writeOffId: r.writeOffId,
      denialId: r.denialId,
      version: r.version,
      claimNumber: r.patientControlNumber,
      patientName: r.patientName,
      payerName: r.payerName,
      carcCodes: r.carcCodes,
      rarcCodes: r.rarcCodes,
      groupCodes: r.groupCodes,
      category: categoryLabel(r.category),
      amountCents,
      reasonCode: r.reasonCode,
      reasonLabel: writeOffReasonLabel(r.reasonCode),
      reasonText: r.reason,
      requestedBy: r.requesterName,
      requestedAt: r.requestedAt.toISOString(),
      ownRequest: r.requestedById === actor.id,
      deadline: due.working ? { date: due.working.dueDate, label: DEADLINE_KIND_LABEL[due.working.kind] ?? due.working.kind, daysLeft: diffDays(due.working.dueDate, today) } : null,
      timelyFiling: tf ? { date: tf, daysLeft: diffDays(tf, today) } : null,
      appeals: appealDtos,
      notes: notes
        .filter((n) => n.denialId === r.denialId && n.note)
        .slice(0, NOTES_SHOWN)
        .map((n) => ({ by: n.actor?.name ?? null, at: n.createdAt.toISOString(), text: n.note! })),
      warnings: writeOffWarnings({
        reasonCode: r.reasonCode,
        amountCents,
        today,
        timelyFilingDate: tf,
        category: r.category,
        carcCodes: r.carcCodes,
        groupCodes: r.groupCodes,
        appealsPending: appealDtos.filter((a) => a.state === 'with_payer').length,
      }),
    };
  });
  await audit(actor, { action: 'write_off.list_pending', entityType: 'write_off', phi: true, details: { writeOffIds: rows.map((r) => r.writeOffId) } });
  return { rows: dtos, total: sum.n, totalCents: sum.cents, soleManager: otherManagers === 0 };
}
