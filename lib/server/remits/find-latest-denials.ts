import 'server-only';
import type pg from 'pg';
import type { DenialStatus } from '@/lib/domain/lifecycle';
import type { DenialMoney } from '@/lib/domain/remit-recovery';
import type { ClaimFacts } from './claim-rows';

export interface StoredDenial {
  id: string;
  money: DenialMoney;
  /** Its latest event's time in ms (an earlier batch of this import may have stamped it after the import's start). */
  lastEventMs?: number;
}

type ClaimKey = Pick<ClaimFacts, 'payerId' | 'patientControlNumber' | 'payerClaimNumber'>;

/** The claim a later remittance is about: payer + patient control number + payer claim control number. */
export const claimKey = (f: ClaimKey) => `${f.payerId}\u0000${f.patientControlNumber}\u0000${f.payerClaimNumber}`;

interface LatestRow {
  k: number;
  id: string;
  status: DenialStatus;
  deniedCents: string;
  recoveredCents: string;
  overpaidCents: string;
  owned: boolean;
  lastEventMs: string | null;
}

/**
 * The latest denial for each claim key of a batch, found through the claim index; the denials of earlier batches
 * of the same import are already written in its transaction, so they count. Claims of the batch itself may be
 * written before this runs: they have no denial yet, so they change nothing.
 */
export async function findLatestDenials(client: pg.PoolClient, facts: ClaimKey[]): Promise<Map<string, StoredDenial>> {
  const found = new Map<string, StoredDenial>();
  const keys = [...new Map(facts.filter((f) => f.payerClaimNumber !== null).map((f) => [claimKey(f), f])).values()];
  if (keys.length === 0) return found;
  const { rows } = await client.query<LatestRow>(
    // LATERAL + LIMIT 1 keeps this an index probe per key: the claim table grows inside the import's own
    // transaction where statistics cannot follow, and a plain join was planned as a sort of the whole table.
    `SELECT k.i::int AS k, d.id, d.status, d."deniedCents", d."recoveredCents", d."overpaidCents", d.owned,
            (SELECT (extract(epoch FROM max(e."createdAt")) * 1000)::bigint::text FROM denial_event e WHERE e."denialId" = d.id) AS "lastEventMs"
     FROM unnest($1::uuid[], $2::text[], $3::text[]) WITH ORDINALITY AS k(payer, pcn, pcc, i)
     CROSS JOIN LATERAL (
       SELECT d.id, d.status::text AS status, d."deniedCents"::text AS "deniedCents", d."recoveredCents"::text AS "recoveredCents",
              d."overpaidCents"::text AS "overpaidCents", d."ownerId" IS NOT NULL AS owned
       FROM claim c JOIN denial d ON d."claimId" = c.id
       WHERE c."patientControlNumber" = k.pcn AND c."payerClaimNumber" = k.pcc AND c."payerId" = k.payer
       ORDER BY d."createdAt" DESC, c."segmentIndex" DESC
       LIMIT 1) d`,
    [keys.map((f) => f.payerId), keys.map((f) => f.patientControlNumber), keys.map((f) => f.payerClaimNumber)],
  );
  for (const row of rows) {
    const money: DenialMoney = {
      status: row.status,
      deniedCents: Number(row.deniedCents),
      recoveredCents: Number(row.recoveredCents),
      overpaidCents: Number(row.overpaidCents),
      owned: row.owned,
      reversed: false,
    };
    found.set(claimKey(keys[row.k - 1]!), { id: row.id, money, lastEventMs: row.lastEventMs === null ? undefined : Number(row.lastEventMs) });
  }
  return found;
}
