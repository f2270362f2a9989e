import 'server-only';
import type { ClaimInput, ClaimLineInput } from '@/lib/domain/categorize-claim';
import type { AdjustmentInput } from '@/lib/domain/categorize';
import type { StoredClassification } from '@/lib/domain/reclassify';
import { Prisma } from '@/lib/generated/prisma/client';
import { checkOut, pool } from '../db';
import { OPEN } from '../denials/queue-sql';

/** An open denial a change to group + CARC could touch: what is stored, and its claim as the classifier reads it. */
export interface Candidate {
  id: string;
  payerId: string;
  stored: StoredClassification;
  claim: ClaimInput;
}

const BATCH = 1000;

interface DenialRow {
  id: string;
  claimId: string;
  payerId: string;
  category: string;
  department: string;
  avoidable: boolean;
  flagged: boolean;
  statusCode: string;
  billedCents: string;
  paidCents: string;
  patientRespCents: string;
}

interface PartRow {
  claimId: string;
  serviceLineId: string | null;
  groupCode?: string;
  reasonCode?: string;
  amountCents?: string;
  code?: string;
}

/**
 * The open denials whose claim carries an adjustment with this group and CARC (adjustment_reasonCode_idx),
 * in batches. Any CAS on the claim counts, not only the denial ones: a CARC made a denial can become the claim's
 * largest denial adjustment and so its cause. One statement read through a cursor, so a code on most claims is
 * planned and scanned once, not once per batch; its read-only snapshot is what the whole walk sees.
 */
export async function* openCandidates(group: string, carc: string): AsyncGenerator<Candidate[]> {
  const statement = Prisma.sql`
    SELECT d.id, d."claimId", d."payerId", d.category, d.department, d.avoidable, d."reviewReason" IS NOT NULL AS flagged,
           c."statusCode", c."billedCents"::text AS "billedCents", c."paidCents"::text AS "paidCents", c."patientRespCents"::text AS "patientRespCents"
      FROM denial d JOIN claim c ON c.id = d."claimId"
     WHERE ${OPEN}
       AND d."claimId" IN (SELECT a."claimId" FROM adjustment a WHERE a."reasonCode" = ${carc} AND a."groupCode" = ${group})`;
  const client = await checkOut();
  let failed = false;
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`DECLARE candidates NO SCROLL CURSOR FOR ${statement.text}`, statement.values as unknown[]);
    for (;;) {
      const { rows } = await client.query<DenialRow>(`FETCH ${BATCH} FROM candidates`);
      if (rows.length === 0) break;
      yield await withClaims(rows);
    }
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // Also when the consumer stops early (an exception in its loop): the cursor's transaction ends here.
    await client.query(failed ? 'ROLLBACK' : 'COMMIT').catch(() => {});
    client.release();
  }
}

async function withClaims(denials: DenialRow[]): Promise<Candidate[]> {
  const claimIds = denials.map((d) => d.claimId);
  // Ordered by id: ids are made in file order (new-id.ts), which the classifier's tie-breaks depend on.
  const [adjustments, remarks] = await Promise.all([
    pool.query<PartRow>(
      `SELECT "claimId", "serviceLineId", "groupCode", "reasonCode", "amountCents"::text AS "amountCents" FROM adjustment WHERE "claimId" = ANY($1::uuid[]) ORDER BY id`,
      [claimIds],
    ),
    pool.query<PartRow>(`SELECT "claimId", "serviceLineId", code FROM claim_remark WHERE "claimId" = ANY($1::uuid[]) ORDER BY id`, [claimIds]),
  ]);
  const claims = new Map(denials.map((d) => [d.claimId, { adjustments: [] as AdjustmentInput[], remarkCodes: [] as string[], lines: new Map<string, ClaimLineInput & { adjustments: AdjustmentInput[]; remarkCodes: string[] }>() }]));
  const lineOf = (claimId: string, lineId: string) => {
    const lines = claims.get(claimId)!.lines;
    let line = lines.get(lineId);
    if (!line) lines.set(lineId, (line = { adjustments: [], remarkCodes: [] }));
    return line;
  };
  for (const a of adjustments.rows) {
    const input = { group: a.groupCode!, reason: a.reasonCode!, amountCents: Number(a.amountCents) };
    (a.serviceLineId ? lineOf(a.claimId, a.serviceLineId) : claims.get(a.claimId)!).adjustments.push(input);
  }
  for (const r of remarks.rows) (r.serviceLineId ? lineOf(r.claimId, r.serviceLineId) : claims.get(r.claimId)!).remarkCodes.push(r.code!);
  return denials.map((d) => {
    const parts = claims.get(d.claimId)!;
    return {
      id: d.id,
      payerId: d.payerId,
      stored: { category: d.category, department: d.department, avoidable: d.avoidable, flagged: d.flagged },
      claim: {
        statusCode: d.statusCode,
        billedCents: Number(d.billedCents),
        paidCents: Number(d.paidCents),
        patientResponsibilityCents: Number(d.patientRespCents),
        adjustments: parts.adjustments,
        remarkCodes: parts.remarkCodes,
        lines: [...parts.lines.values()],
      },
    };
  });
}
