import 'server-only';
import type { FeedbackExampleDto, FrontDeskFeedbackDto, TrendLineDto } from '@/lib/domain/contracts/prevention';
import type { IsoDate } from '@/lib/domain/dates';
import { categoryLabel } from '@/lib/domain/labels';
import { can, type Actor } from '@/lib/domain/permissions';
import { checklistFor } from '@/lib/domain/prevention/default-checklists';
import {
  FRONT_DESK_CATEGORIES, type FrontDeskCategory, type TrendLine, distinctExamples, isFrontDeskCategory, maskMemberId, monthTotals,
  monthWindow, spreadAcrossCauses, topCauses, trendLines,
} from '@/lib/domain/prevention/front-desk';
import { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { authorize } from '../authorize';
import { startOfDay } from '../clock';
import { db } from '../db';
import { query } from '../sql';
import { readChecklists } from '../prevention/checklists';
import { SERVER_TIME_ZONE, frontDeskDenials, locationSql, monthSql } from './feedback-sql';

const MONTHS = 6;
// design.md: patient responsibility, never queued, but a coverage miss the front desk could have caught.
const PATIENT_BILLED_COVERAGE = ['26', '27', '31', '204'] as const;
const TOP_CAUSES = 5;
const EXAMPLES = 8;

type CountRow = { key: string; month: string; count: string };
type ExampleRow = {
  claimKey: string; category: string; carcCodes: string[]; rarcCodes: string[]; payerName: string; location: string;
  memberId: string | null; serviceDate: IsoDate | null; deniedOn: IsoDate;
};

const toLines = (rows: CountRow[], months: string[], label: (key: string) => string = (k) => k): TrendLineDto[] =>
  trendLines(rows.map((r) => ({ key: r.key, month: r.month, count: Number(r.count) })), months).map((l: TrendLine) => ({ ...l, label: label(l.key) }));

/**
 * What the front desk needs to prevent the next denial: their causes (front-desk categories only) by month,
 * location and payer over six months with the current month marked partial, this month's top causes with what
 * to check before the visit, and recent distinct examples. Minimum PHI: counts, codes, payer, site, service
 * date and a masked member id — no names, amounts or claim numbers. Reading the examples is audited as PHI.
 */
export async function frontDeskFeedback(actor: Actor, today: IsoDate, options: { site?: string | null } = {}): Promise<FrontDeskFeedbackDto> {
  authorize(actor, 'view_feedback', undefined, 'Your role does not include root-cause feedback.');
  const window = monthWindow(today, MONTHS);
  // A front desk works at one site: every number, cause and example can be narrowed to it.
  const site = options.site?.trim() || null;
  const from = frontDeskDenials(startOfDay(window.since), false, site);
  const fromWithSite = frontDeskDenials(startOfDay(window.since), true, site);
  const counts = (key: Prisma.Sql, source = from) => query<CountRow>(Prisma.sql`SELECT ${key} AS key, ${monthSql} AS month, count(*) AS count ${source} GROUP BY 1, 2`);
  const [byCategory, byLocation, byPayer, causes, examples, stored, patientBilled, sites] = await Promise.all([
    counts(Prisma.sql`d.category`),
    counts(locationSql, fromWithSite),
    counts(Prisma.sql`p.name`),
    query<{ category: string; carc: string; month: string; count: string }>(Prisma.sql`
      SELECT d.category, COALESCE(d."carcCodes"[1], '') AS carc, ${monthSql} AS month, count(*) AS count ${from}
         AND d."openedAt" >= ${startOfDay(`${window.months.at(-2)}-01`)}
       GROUP BY 1, 2, 3`),
    // The newest few of each cause, newest first: distinctExamples drops repeats of a claim and cause, then
    // spreadAcrossCauses takes each cause in turn.
    query<ExampleRow>(Prisma.sql`
      SELECT "claimKey", category, "carcCodes", "rarcCodes", "payerName", location, "memberId", "serviceDate", "deniedOn" FROM (
        SELECT d."patientControlNumber" AS "claimKey", d.category, d."carcCodes", d."rarcCodes", p.name AS "payerName",
               ${locationSql} AS location, d."memberId", to_char(d."serviceDate", 'YYYY-MM-DD') AS "serviceDate",
               to_char(d."openedAt" AT TIME ZONE ${SERVER_TIME_ZONE}, 'YYYY-MM-DD') AS "deniedOn", d."openedAt", d.id,
               row_number() OVER (PARTITION BY d.category ORDER BY d."openedAt" DESC, d.id DESC) AS rn
          ${fromWithSite}) x
       WHERE rn <= ${EXAMPLES * 2} ORDER BY "openedAt" DESC, id DESC`),
    readChecklists(),
    query<{ code: string; description: string | null; count: string }>(Prisma.sql`
      SELECT 'PR-' || a."reasonCode" AS code, cc.description, count(DISTINCT a."claimId") AS count
        FROM adjustment a JOIN claim c ON c.id = a."claimId" LEFT JOIN carc_code cc ON cc.code = a."reasonCode"
        JOIN remittance r ON r.id = c."remittanceId"
       WHERE a."groupCode" = 'PR' AND a."reasonCode" = ANY(${[...PATIENT_BILLED_COVERAGE]}::text[]) AND c."createdAt" >= ${startOfDay(window.since)}
         ${site !== null ? Prisma.sql`AND ${locationSql} = ${site}` : Prisma.empty}
       GROUP BY 1, 2 ORDER BY 3 DESC, 1`),
    // Every site with front-desk denials in the window, for the site picker (whichever site is chosen).
    query<{ site: string }>(Prisma.sql`SELECT DISTINCT ${locationSql} AS site ${frontDeskDenials(startOfDay(window.since), true)} ORDER BY 1`),
  ]);

  const current = causes.filter((c) => c.month === window.current).map((c) => ({ category: c.category, carc: c.carc, count: Number(c.count) }));
  const lastMonthOf = (category: string, carc: string) =>
    Number(causes.find((c) => c.month === window.months.at(-2) && c.category === category && c.carc === carc)?.count ?? 0);
  const top = topCauses(current, TOP_CAUSES);
  const shown = spreadAcrossCauses(distinctExamples(examples, examples.length), EXAMPLES);
  const codes = await describeCodes([...top.map((t) => t.carc), ...shown.flatMap((e) => e.carcCodes)], shown.flatMap((e) => e.rarcCodes));
  await audit(actor, { action: 'feedback.read', entityType: 'feedback', phi: shown.length > 0, details: { months: window.months, examples: shown.length, site } });

  const lines = toLines(byCategory, window.months, categoryLabel);
  return {
    today,
    site,
    sites: sites.map((r) => r.site),
    months: window.months,
    currentMonth: window.current,
    currentIsPartial: window.currentIsPartial,
    byCategory: lines,
    byLocation: toLines(byLocation, window.months),
    byPayer: toLines(byPayer, window.months),
    totals: monthTotals(lines, window.months),
    topCauses: top.filter((t): t is typeof t & { category: FrontDeskCategory } => isFrontDeskCategory(t.category)).map((t) => ({
      ...t,
      label: categoryLabel(t.category),
      carcDescription: codes.carc.get(t.carc) ?? 'Unknown code',
      lastMonth: lastMonthOf(t.category, t.carc),
      checklist: [...checklistFor(t.category, stored.items).items],
    })),
    checklists: FRONT_DESK_CATEGORIES.map((category) => {
      const list = checklistFor(category, stored.items);
      return { category, items: [...list.items], custom: list.custom, version: stored.versions.get(category) ?? 0 };
    }),
    examples: shown.filter((e) => isFrontDeskCategory(e.category)).map((e): FeedbackExampleDto => ({
      category: e.category as FrontDeskCategory,
      payerName: e.payerName,
      location: e.location,
      memberIdMasked: maskMemberId(e.memberId),
      serviceDate: e.serviceDate,
      deniedOn: e.deniedOn,
      codes: [
        ...e.carcCodes.map((code) => ({ kind: 'CARC' as const, code, description: codes.carc.get(code) ?? 'Unknown code' })),
        ...e.rarcCodes.map((code) => ({ kind: 'RARC' as const, code, description: codes.rarc.get(code) ?? 'Unknown code' })),
      ],
    })),
    patientBilled: patientBilled.map((r) => ({ code: r.code, description: r.description ?? 'Unknown code', count: Number(r.count) })),
    canEditChecklists: can(actor, 'manage_prevention'),
  };
}

/** The official descriptions of the codes shown (the catalogue). */
async function describeCodes(carcs: string[], rarcs: string[]) {
  const [carc, rarc] = await Promise.all([
    db.carcCode.findMany({ where: { code: { in: [...new Set(carcs)] } }, select: { code: true, description: true } }),
    db.rarcCode.findMany({ where: { code: { in: [...new Set(rarcs)] } }, select: { code: true, description: true } }),
  ]);
  return { carc: new Map(carc.map((c) => [c.code, c.description])), rarc: new Map(rarc.map((r) => [r.code, r.description])) };
}
