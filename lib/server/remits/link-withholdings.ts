import 'server-only';
import type pg from 'pg';

/**
 * PLB*WO recoups an earlier overpayment; its reference names the claim by patient control number. The claim
 * in the same remittance wins, else the payer's latest one with that number.
 */
export async function linkWithholdings(client: pg.PoolClient, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await client.query(
    // The claims are found by patient control number alone (the index), then kept to the payer: OFFSET 0 stops
    // the planner from ANDing in the payer's index, which inside an import (no statistics yet) it did, reading
    // every claim of the payer once per batch — quadratic, 4 s of a 100 MB import.
    `UPDATE provider_adjustment pa SET "claimId" = m.claim
     FROM (SELECT p.id, c.id AS claim
           FROM provider_adjustment p JOIN remittance r ON r.id = p."remittanceId"
           CROSS JOIN LATERAL (
             SELECT c.id FROM (SELECT * FROM claim c WHERE c."patientControlNumber" = p.reference OFFSET 0) c
             WHERE c."payerId" = r."payerId"
             ORDER BY (c."remittanceId" = p."remittanceId") DESC, c."createdAt" DESC, c."segmentIndex" DESC
             LIMIT 1) c
           WHERE p.id = ANY($1::uuid[])) m
     WHERE pa.id = m.id`,
    [ids],
  );
}
