import 'server-only';
import type pg from 'pg';

/**
 * PLB*WO recoups an earlier overpayment; its reference names the claim by patient control number. The claim
 * in the same remittance wins, else the payer's latest one with that number.
 */
export async function linkWithholdings(client: pg.PoolClient, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await client.query(
    `UPDATE provider_adjustment pa SET "claimId" = m.claim
     FROM (SELECT p.id, (SELECT c.id FROM claim c
                         WHERE c."patientControlNumber" = p.reference AND c."payerId" = r."payerId"
                         ORDER BY (c."remittanceId" = p."remittanceId") DESC, c."createdAt" DESC, c."segmentIndex" DESC
                         LIMIT 1) AS claim
           FROM provider_adjustment p JOIN remittance r ON r.id = p."remittanceId"
           WHERE p.id = ANY($1::uuid[])) m
     WHERE pa.id = m.id AND m.claim IS NOT NULL`,
    [ids],
  );
}
