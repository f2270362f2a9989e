import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest835 } from '@/lib/server/remits/ingest-835';
import { sha256Hex } from '@/lib/server/remits/open-import';
import { pool } from '@/lib/server/db';
import { actor, count, fixtureBytes, paidClaim, remit, transaction, unique, withIngestDatabase } from './helpers';

withIngestDatabase();

const OFF_GUIDE = path.resolve(import.meta.dirname, '../../fixtures/x12-835/off-guide');

// Expected from the files themselves (see tests/unit/x12 for the values read): transactions, claims, service
// lines, CAS triplets, remark codes, PLB adjustments, Σ CLP04 in cents, and denials worth a work item.
const FIXTURES = [
  ['edi835parser-blue_cross_nc_sample.835', { tx: 1, claims: 1, lines: 3, adjustments: 3, remarks: 0, plb: 0, paid: 192286, denials: 0 }],
  ['edi835parser-emedny_sample.835', { tx: 1, claims: 3, lines: 10, adjustments: 4, remarks: 2, plb: 0, paid: 4575, denials: 2 }],
  ['linuxforhealth-cob-contractural-adjustment.835', { tx: 1, claims: 1, lines: 1, adjustments: 2, remarks: 0, plb: 0, paid: 3400, denials: 0 }],
  ['linuxforhealth-managed-care.835', { tx: 1, claims: 2, lines: 2, adjustments: 5, remarks: 0, plb: 0, paid: 94500, denials: 0 }],
  ['linuxforhealth-medicare-part-a.835', { tx: 1, claims: 2, lines: 0, adjustments: 2, remarks: 1, plb: 1, paid: 14999873, denials: 0 }],
  ['linuxforhealth-secondary-payment.835', { tx: 1, claims: 2, lines: 2, adjustments: 5, remarks: 0, plb: 0, paid: 122200, denials: 0 }],
  ['linuxforhealth-tertiary-payment.835', { tx: 1, claims: 1, lines: 1, adjustments: 1, remarks: 0, plb: 0, paid: 18750, denials: 0 }],
  // De-identified production files: every patient control number is masked to 9s, so claims collide and
  // later ones pay or repeat earlier denials; the denial count is what the masking leaves.
  ['oopfactory-835_DeIdent_01.835', { tx: 1, claims: 96, lines: 365, adjustments: 378, remarks: 6, plb: 0, paid: 6641762, denials: null }],
  ['oopfactory-835_DeIdent_02.835', { tx: 6, claims: 375, lines: 1552, adjustments: 2439, remarks: 1208, plb: 1, paid: 52964992, denials: null }],
] as const;

describe('ingesting the real 835 samples', () => {
  for (const [name, expected] of FIXTURES) {
    it(`stores every claim of ${name} with its lines, adjustments, remarks and money`, async () => {
      const bytes = fixtureBytes(name);
      const result = await ingest835(actor, { filename: name, bytes });
      if (!result.ok) throw new Error(result.message);
      expect(result.claims).toBe(expected.claims);
      const file = [result.fileId];
      const ofFile = '"remittanceId" IN (SELECT id FROM remittance WHERE "fileId" = $1)';
      const claimsOfFile = `"claimId" IN (SELECT id FROM claim WHERE ${ofFile})`;
      expect(await count('remittance', '"fileId" = $1', file)).toBe(expected.tx);
      expect(await count('claim', ofFile, file)).toBe(expected.claims);
      expect(await count('service_line', claimsOfFile, file)).toBe(expected.lines);
      expect(await count('adjustment', claimsOfFile, file)).toBe(expected.adjustments);
      expect(await count('claim_remark', claimsOfFile, file)).toBe(expected.remarks);
      expect(await count('provider_adjustment', ofFile, file)).toBe(expected.plb);
      const paid = await pool.query<{ sum: string }>(`SELECT coalesce(sum("paidCents"), 0)::text AS sum FROM claim WHERE ${ofFile}`, file);
      expect(Number(paid.rows[0]!.sum)).toBe(expected.paid);
      expect(await count('denial', claimsOfFile, file)).toBe(result.denialsCreated);
      if (expected.denials !== null) expect(result.denialsCreated).toBe(expected.denials);

      const stored = await pool.query<{ sha256: string; content: Buffer; claimCount: number; denialCount: number }>(
        `SELECT sha256, (SELECT string_agg(content, ''::bytea ORDER BY seq) FROM remittance_file_chunk WHERE "fileId" = f.id) AS content,
                "claimCount", "denialCount" FROM remittance_file f WHERE id = $1`,
        file,
      );
      expect(stored.rows[0]!.sha256).toBe(sha256Hex(bytes));
      expect(Buffer.compare(stored.rows[0]!.content, Buffer.from(bytes))).toBe(0);
      expect(stored.rows[0]).toMatchObject({ claimCount: expected.claims, denialCount: result.denialsCreated });
      expect(await count('audit_event', `action = 'remit.import' AND "entityId" = $1`, file)).toBe(1);
    });
  }

  it('classifies the eMedNY denials: timely filing (CARC 29) and documentation requested, each a scored work item', async () => {
    const { rows } = await pool.query(
      `SELECT d."payerClaimNumber", d."deniedCents"::int AS denied, d.category, d.department, d.status::text AS status,
              d."carcCodes", d."deadlineKind", d."deadlineDate" IS NOT NULL AS "hasDeadline", d.score > 0 AS scored,
              (SELECT count(*)::int FROM denial_event e WHERE e."denialId" = d.id AND e.type = 'ingested') AS events
       FROM denial d JOIN claim c ON c.id = d."claimId" JOIN remittance r ON r.id = c."remittanceId"
       JOIN remittance_file f ON f.id = r."fileId" WHERE f.filename = 'edi835parser-emedny_sample.835'
       ORDER BY d."payerClaimNumber"`,
    );
    expect(rows).toEqual([
      { payerClaimNumber: '1000220000000020', denied: 3400, category: 'timely_filing', department: 'billing', status: 'new', carcCodes: ['29'], deadlineKind: 'appeal_1', hasDeadline: true, scored: true, events: 1 },
      { payerClaimNumber: '1000230000000020', denied: 2275, category: 'documentation_requested', department: 'billing', status: 'new', carcCodes: expect.any(Array), deadlineKind: 'appeal_1', hasDeadline: true, scored: true, events: 1 },
    ]);
  });

  it('links a PLB withholding (WO) to its claim by patient control number', async () => {
    const payer = unique('WO');
    const pcn = unique('PCN');
    const bytes = remit([transaction(payer, [paidClaim(pcn, unique('ICN'), 10000, 8000)], { providerAdjustments: [{ reason: 'WO', reference: pcn, amountCents: 1500 }, { reason: 'L6', amountCents: -200 }] })]);
    const result = await ingest835(actor, { filename: 'withholding.835', bytes });
    if (!result.ok) throw new Error(result.message);
    expect(result.warnings).toEqual([]);
    const { rows } = await pool.query(
      `SELECT pa."reasonCode", pa.reference, pa."amountCents"::int AS amount, c."patientControlNumber" AS claim
       FROM provider_adjustment pa JOIN remittance r ON r.id = pa."remittanceId" LEFT JOIN claim c ON c.id = pa."claimId"
       WHERE r."fileId" = $1 ORDER BY pa."reasonCode"`,
      [result.fileId],
    );
    expect(rows).toEqual([
      { reasonCode: 'L6', reference: null, amount: -200, claim: null },
      { reasonCode: 'WO', reference: pcn, amount: 1500, claim: pcn },
    ]);
  });

  it('keeps each claim’s own payee when the payer repeats N1*PE between claims', async () => {
    // The fixture's claim numbers are fixed, so the payee names are made unique to find this run's rows.
    const tag = unique('PE');
    const text = readFileSync(path.join(OFF_GUIDE, 'payee-per-claim.835'), 'latin1').replaceAll(' CLINIC*', ` CLINIC ${tag}*`).replaceAll('PCN-', `${tag}-`);
    const result = await ingest835(actor, { filename: 'payee-per-claim.835', bytes: Buffer.from(text, 'latin1') });
    if (!result.ok) throw new Error(result.message);
    const { rows } = await pool.query(
      `SELECT c."patientControlNumber" AS pcn, c."payeeName", c."payeeNpi" FROM claim c JOIN remittance r ON r.id = c."remittanceId"
       WHERE r."fileId" = $1 ORDER BY c."segmentIndex"`,
      [result.fileId],
    );
    expect(rows).toEqual([
      { pcn: `${tag}-A1`, payeeName: `NORTH CLINIC ${tag}`, payeeNpi: '1111111112' },
      { pcn: `${tag}-B1`, payeeName: `SOUTH CLINIC ${tag}`, payeeNpi: '2222222220' },
      { pcn: `${tag}-B2`, payeeName: `SOUTH CLINIC ${tag}`, payeeNpi: '2222222220' },
      { pcn: `${tag}-C1`, payeeName: `EAST CLINIC ${tag}`, payeeNpi: '3333333338' },
    ]);
  });
});
