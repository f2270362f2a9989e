import 'server-only';
import type { Actor } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { authorize } from '../authorize';
import { db } from '../db';
import { addMonthsToMonthStart, monthKeys } from './months';

// What the front desk needs to prevent the next denial: which of *their* root causes happen, how often, and
// concrete examples with the codes that explain them — never names, amounts or claim numbers (minimum PHI).
export interface FeedbackCategory {
  category: string;
  byMonth: { month: string; count: number }[];
  total: number;
  topCodes: { code: string; description: string; count: number }[];
}

export interface CoachingExample {
  category: string;
  payerName: string;
  serviceMonth: string | null;
  carcCodes: { code: string; description: string }[];
  rarcCodes: { code: string; description: string }[];
}

export interface FrontDeskFeedback {
  months: string[];
  categories: FeedbackCategory[];
  /** PR-26/27/31/204: billed to the patient, but a registration or coverage miss all the same. */
  patientCoverageAdjustments: { code: string; description: string; count: number }[];
  examples: CoachingExample[];
}

/** The front desk's root causes over the last months. Coaching examples come from denials: reading them is audited. */
export async function frontDeskFeedback(actor: Actor, today: Date, monthsBack = 6): Promise<FrontDeskFeedback> {
  authorize(actor, 'view_feedback', undefined, 'Your role does not include root-cause feedback.');
  const since = addMonthsToMonthStart(today, -(monthsBack - 1));
  const months = monthKeys(since, monthsBack);

  const [counts, codes, prCodes, examples] = await Promise.all([
    db.$queryRaw<{ category: string; month: string; count: bigint }[]>`
      SELECT category, to_char(date_trunc('month', "openedAt"), 'YYYY-MM') AS month, count(*) AS count
      FROM denial WHERE department = 'front_desk' AND "openedAt" >= ${since}
      GROUP BY 1, 2`,
    db.$queryRaw<{ category: string; code: string; description: string | null; count: bigint }[]>`
      SELECT d.category, c.code, cc.description, count(*) AS count
      FROM denial d CROSS JOIN LATERAL unnest(d."carcCodes") AS c(code)
      LEFT JOIN carc_code cc ON cc.code = c.code
      WHERE d.department = 'front_desk' AND d."openedAt" >= ${since}
      GROUP BY 1, 2, 3 ORDER BY count DESC`,
    db.$queryRaw<{ code: string; description: string | null; count: bigint }[]>`
      SELECT a."reasonCode" AS code, cc.description, count(*) AS count
      FROM adjustment a JOIN claim c ON c.id = a."claimId"
      LEFT JOIN carc_code cc ON cc.code = a."reasonCode"
      WHERE a."groupCode" = 'PR' AND a."reasonCode" IN ('26', '27', '31', '204') AND c."createdAt" >= ${since}
      GROUP BY 1, 2 ORDER BY count DESC`,
    db.$queryRaw<{ category: string; payerName: string; serviceMonth: string | null; carcCodes: string[]; rarcCodes: string[] }[]>`
      SELECT * FROM (
        SELECT d.category, p.name AS "payerName", to_char(d."serviceDate", 'YYYY-MM') AS "serviceMonth",
               d."carcCodes", d."rarcCodes",
               row_number() OVER (PARTITION BY d.category ORDER BY d."openedAt" DESC, d.id) AS rn
        FROM denial d JOIN payer p ON p.id = d."payerId"
        WHERE d.department = 'front_desk' AND d."openedAt" >= ${since}
      ) x WHERE rn <= 2 ORDER BY category`,
  ]);

  await audit(actor, { action: 'feedback.read', entityType: 'feedback' });
  const rarcIds = [...new Set(examples.flatMap((e) => e.rarcCodes))];
  const carcIds = [...new Set(examples.flatMap((e) => e.carcCodes))];
  const [rarcs, carcs] = await Promise.all([
    db.rarcCode.findMany({ where: { code: { in: rarcIds } }, select: { code: true, description: true } }),
    db.carcCode.findMany({ where: { code: { in: carcIds } }, select: { code: true, description: true } }),
  ]);
  const rarcText = new Map(rarcs.map((r) => [r.code, r.description]));
  const carcText = new Map(carcs.map((c) => [c.code, c.description]));

  const categories = new Map<string, FeedbackCategory>();
  const entry = (category: string) => {
    let c = categories.get(category);
    if (!c) {
      c = { category, byMonth: months.map((month) => ({ month, count: 0 })), total: 0, topCodes: [] };
      categories.set(category, c);
    }
    return c;
  };
  for (const row of counts) {
    const c = entry(row.category);
    const slot = c.byMonth.find((m) => m.month === row.month);
    if (slot) slot.count += Number(row.count);
    c.total += Number(row.count);
  }
  for (const row of codes) {
    const c = entry(row.category);
    if (c.topCodes.length < 3) c.topCodes.push({ code: row.code, description: row.description ?? 'Unknown code', count: Number(row.count) });
  }

  return {
    months,
    categories: [...categories.values()].sort((a, b) => b.total - a.total),
    patientCoverageAdjustments: prCodes.map((r) => ({ code: `PR-${r.code}`, description: r.description ?? '', count: Number(r.count) })),
    examples: examples.map((e) => ({
      category: e.category,
      payerName: e.payerName,
      serviceMonth: e.serviceMonth,
      carcCodes: e.carcCodes.map((code) => ({ code, description: carcText.get(code) ?? 'Unknown code' })),
      rarcCodes: e.rarcCodes.map((code) => ({ code, description: rarcText.get(code) ?? 'Unknown code' })),
    })),
  };
}
