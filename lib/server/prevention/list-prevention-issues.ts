import 'server-only';
import type { PreventionIssueDto, PreventionLogDto } from '@/lib/domain/contracts/prevention';
import { type IsoDate, addDays } from '@/lib/domain/dates';
import { type Actor, can } from '@/lib/domain/permissions';
import { beforeAfter } from '@/lib/domain/prevention/before-after';
import { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { authorize } from '../authorize';
import { startOfDay, todayIso } from '../clock';
import { db } from '../db';
import { SERVER_TIME_ZONE } from '../feedback/feedback-sql';
import { query } from '../sql';
import { LINK_WINDOW_DAYS, issueMatchesDenial } from './issue-denials-sql';

const MONTHS_BEFORE = 6;
const iso = (d: Date | null): IsoDate | null => (d ? d.toISOString().slice(0, 10) : null);

/**
 * The prevention log: every root-cause issue with how many denials show its cause now and, once an action date
 * is set, the cause's monthly counts before and after it. Counts only — front desk reads it too. `only` narrows
 * to one issue (its page).
 */
export async function listPreventionIssues(actor: Actor, today: IsoDate, only?: string): Promise<PreventionLogDto> {
  authorize(actor, 'view_feedback', undefined, 'Your role does not include the prevention log.');
  const where = only ? Prisma.sql`WHERE i.id = ${only}::uuid` : Prisma.empty;
  const [issues, linked, months, firstImport] = await Promise.all([
    db.preventionIssue.findMany({
      where: only ? { id: only } : undefined,
      include: { payer: { select: { name: true } }, owner: { select: { name: true } } },
      orderBy: [{ status: 'asc' }, { dueDate: { sort: 'asc', nulls: 'last' } }, { createdAt: 'desc' }],
    }),
    query<{ id: string; count: string }>(Prisma.sql`
      SELECT i.id, count(d.id) AS count FROM prevention_issue i
        JOIN denial d ON ${issueMatchesDenial} AND d."openedAt" >= ${startOfDay(addDays(today, -LINK_WINDOW_DAYS))}
      ${where} GROUP BY 1`),
    query<{ id: string; month: string; count: string }>(Prisma.sql`
      SELECT i.id, to_char(d."openedAt" AT TIME ZONE ${SERVER_TIME_ZONE}, 'YYYY-MM') AS month, count(*) AS count
        FROM prevention_issue i
        JOIN denial d ON ${issueMatchesDenial}
         AND d."openedAt" >= (date_trunc('month', i."actionDate"::timestamp) - make_interval(months => ${MONTHS_BEFORE})) AT TIME ZONE ${SERVER_TIME_ZONE}
       ${only ? Prisma.sql`WHERE i.id = ${only}::uuid AND` : Prisma.sql`WHERE`} i."actionDate" IS NOT NULL
       GROUP BY 1, 2`),
    // When the data starts: earlier months are "no data", not "no denials" (remittance_file is small).
    db.remittanceFile.aggregate({ _min: { importedAt: true } }),
  ]);
  const dataSince = firstImport._min.importedAt ? todayIso(firstImport._min.importedAt) : null;
  const linkedOf = new Map(linked.map((r) => [r.id, Number(r.count)]));
  const canManage = can(actor, 'manage_prevention');
  const [payers, owners] = canManage
    ? await Promise.all([
        db.payer.findMany({ select: { id: true, name: true }, orderBy: { name: 'asc' } }),
        db.user.findMany({ where: { disabledAt: null, role: { in: ['manager', 'specialist', 'front_desk'] } }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
      ])
    : [[], []];
  await audit(actor, { action: 'prevention_issue.list', entityType: 'prevention_issue', entityId: only ?? null, details: { count: issues.length } });
  return {
    canManage,
    canExport: can(actor, 'export_lists'), // and view_feedback, authorized above
    payers,
    owners,
    issues: issues.map((i): PreventionIssueDto => {
      const actionDate = iso(i.actionDate);
      return {
        id: i.id,
        title: i.title,
        category: i.category,
        carcCode: i.carcCode,
        payerId: i.payerId,
        payerName: i.payer?.name ?? null,
        responsibleDepartment: i.responsibleDepartment,
        actionTaken: i.actionTaken,
        actionDate,
        ownerId: i.ownerId,
        ownerName: i.owner?.name ?? null,
        dueDate: iso(i.dueDate),
        status: i.status,
        result: i.result,
        version: i.version,
        updatedAt: i.updatedAt.toISOString(),
        linkedCount: linkedOf.get(i.id) ?? 0,
        trend: actionDate
          ? beforeAfter(months.filter((m) => m.id === i.id).map((m) => ({ month: m.month, count: Number(m.count) })), actionDate, today, MONTHS_BEFORE, dataSince)
          : null,
      };
    }),
  };
}
