import { describe, expect, it } from 'vitest';
import type { ClaimSpec } from '@/lib/domain/write-835';
import { pool } from '@/lib/server/db';
import { ingest835 } from '@/lib/server/remits/ingest-835';
import { actor, deniedClaim, paidClaim, remit, transaction, unique, withIngestDatabase } from './helpers';

withIngestDatabase();

async function ingestOk(payer: string, claims: ClaimSpec[]) {
  const result = await ingest835(actor, { filename: `${unique('remit')}.835`, bytes: remit([transaction(payer, claims)]) });
  if (!result.ok) throw new Error(result.message);
  return result;
}

async function denialOf(pcn: string) {
  const { rows } = await pool.query(
    `SELECT d.id, d.status::text AS status, d."deniedCents"::int AS denied, d."recoveredCents"::int AS recovered, d."overpaidCents"::int AS overpaid,
            d."resolvedAt" IS NOT NULL AS resolved, d.version, d."followUpDate"::text AS "followUp",
            (SELECT coalesce(array_agg(r."amountCents"::int ORDER BY r."createdAt", r.id), '{}') FROM recovery r WHERE r."denialId" = d.id) AS recoveries,
            (SELECT coalesce(array_agg(e.type ORDER BY e."createdAt", e.id), '{}') FROM denial_event e WHERE e."denialId" = d.id) AS events
     FROM denial d WHERE d."patientControlNumber" = $1`,
    [pcn],
  );
  return rows;
}

/** CLP02 = 22: the earlier adjudication repeated with the opposite sign. */
function reversal(of: ClaimSpec): ClaimSpec {
  const neg = (cents: number) => -cents;
  return {
    ...of,
    status: '22',
    billedCents: neg(of.billedCents),
    paidCents: neg(of.paidCents),
    lines: of.lines?.map((line) => ({
      ...line,
      billedCents: neg(line.billedCents),
      paidCents: neg(line.paidCents),
      adjustments: line.adjustments?.map((a) => ({ ...a, amountCents: neg(a.amountCents) })),
    })),
  };
}

describe('a later remittance for a denied claim', () => {
  it('that pays it in full records the recovery and resolves the denial as paid', async () => {
    const payer = unique('PAY');
    const [pcn, icn] = [unique('P'), unique('C')];
    const first = await ingestOk(payer, [deniedClaim(pcn, icn, 25000)]);
    expect(first.denialsCreated).toBe(1);
    expect(await denialOf(pcn)).toMatchObject([{ status: 'new', denied: 25000, recovered: 0, resolved: false }]);

    const later = await ingestOk(payer, [paidClaim(pcn, icn, 25000, 25000)]);
    expect(later).toMatchObject({ denialsCreated: 0, recoveriesMatched: 1, reversalsApplied: 0 });
    expect(await denialOf(pcn)).toMatchObject([
      { status: 'resolved_paid', denied: 25000, recovered: 25000, resolved: true, version: 1, recoveries: [25000], events: ['ingested', 'payment'] },
    ]);
  });

  it('that pays part of it resolves the denial as partially paid with the amount, and ends its follow-up', async () => {
    const payer = unique('PART');
    const [pcn, icn] = [unique('P'), unique('C')];
    await ingestOk(payer, [deniedClaim(pcn, icn, 40000, '197')]);
    await pool.query(`UPDATE denial SET "followUpDate" = '2099-01-01' WHERE "patientControlNumber" = $1`, [pcn]);
    await ingestOk(payer, [paidClaim(pcn, icn, 40000, 15000)]);
    expect(await denialOf(pcn)).toMatchObject([{ status: 'resolved_partial', denied: 40000, recovered: 15000, recoveries: [15000], followUp: null }]);
  });

  it('that pays more than was denied recovers the denied amount and keeps the excess as an overpayment', async () => {
    const payer = unique('OVER');
    const [pcn, icn] = [unique('P'), unique('C')];
    await ingestOk(payer, [deniedClaim(pcn, icn, 62400)]);
    await ingestOk(payer, [paidClaim(pcn, icn, 62400, 90000)]);
    expect(await denialOf(pcn)).toMatchObject([{ status: 'resolved_paid', denied: 62400, recovered: 62400, overpaid: 27600, recoveries: [90000] }]);
  });

  it('an overpaid payment in the same file as its denial is written with its overpayment apart', async () => {
    const payer = unique('OVERSAME');
    const [pcn, icn] = [unique('P'), unique('C')];
    await ingestOk(payer, [deniedClaim(pcn, icn, 3000), paidClaim(pcn, icn, 3000, 4500)]);
    expect(await denialOf(pcn)).toMatchObject([{ status: 'resolved_paid', recovered: 3000, overpaid: 1500 }]);
  });

  it('does not match a claim of another payer or another payer claim number', async () => {
    const [payer, other] = [unique('OWN'), unique('OTHER')];
    const [pcn, icn] = [unique('P'), unique('C')];
    await ingestOk(payer, [deniedClaim(pcn, icn, 10000)]);
    const later = await ingestOk(other, [paidClaim(pcn, icn, 10000, 10000), paidClaim(pcn, unique('C'), 10000, 10000)]);
    expect(later.recoveriesMatched).toBe(0);
    expect(await denialOf(pcn)).toMatchObject([{ status: 'new', recovered: 0 }]);
  });

  it('that denies it again adds no second work item while the first is open', async () => {
    const payer = unique('AGAIN');
    const [pcn, icn] = [unique('P'), unique('C')];
    await ingestOk(payer, [deniedClaim(pcn, icn, 9000)]);
    const again = await ingestOk(payer, [deniedClaim(pcn, icn, 9000)]);
    expect(again.denialsCreated).toBe(0);
    expect(await denialOf(pcn)).toMatchObject([{ status: 'new', events: ['ingested', 'ingested'] }]);
  });

  it('counts a reversal and its correction once: the payment is taken back and the corrected amount recovered', async () => {
    const payer = unique('REV');
    const [pcn, icn] = [unique('P'), unique('C')];
    await ingestOk(payer, [deniedClaim(pcn, icn, 25000)]);
    const payment = paidClaim(pcn, icn, 25000, 25000);
    await ingestOk(payer, [payment]);
    // The payer reprocesses: reverses its payment of 250.00 and pays 200.00 instead (50.00 to the fee schedule).
    const corrected = await ingestOk(payer, [reversal(payment), paidClaim(pcn, icn, 25000, 20000)]);
    expect(corrected).toMatchObject({ denialsCreated: 0, recoveriesMatched: 1, reversalsApplied: 1 });
    const [denial] = await denialOf(pcn);
    expect(denial).toMatchObject({ status: 'resolved_partial', denied: 25000, recovered: 20000, recoveries: [25000, -25000, 20000] });
    expect(denial.recoveries.reduce((a: number, b: number) => a + b, 0)).toBe(denial.recovered);
  });

  it('recovers only the new money when the denied claim had paid part and is reversed and corrected', async () => {
    const payer = unique('REVPART');
    const [pcn, icn] = [unique('P'), unique('C')];
    // Paid 120.00 on one line, 700.00 denied for missing authorization (CO-197) on the other.
    const original: ClaimSpec = {
      patientControlNumber: pcn,
      status: '1',
      billedCents: 90000,
      paidCents: 12000,
      filingIndicator: 'CI',
      payerClaimNumber: icn,
      lines: [
        { procedure: '99213', billedCents: 20000, paidCents: 12000, serviceDate: '2026-08-01', adjustments: [{ group: 'CO', reason: '45', amountCents: 8000 }] },
        { procedure: '72148', billedCents: 70000, paidCents: 0, serviceDate: '2026-08-01', adjustments: [{ group: 'CO', reason: '197', amountCents: 70000 }] },
      ],
    };
    await ingestOk(payer, [original]);
    expect(await denialOf(pcn)).toMatchObject([{ denied: 70000, status: 'new' }]);
    const correction: ClaimSpec = {
      ...original,
      paidCents: 82000,
      lines: [original.lines![0]!, { ...original.lines![1]!, paidCents: 70000, adjustments: [] }],
    };
    await ingestOk(payer, [reversal(original), correction]);
    expect(await denialOf(pcn)).toMatchObject([{ status: 'resolved_paid', denied: 70000, recovered: 70000, recoveries: [-12000, 82000] }]);
  });

  it('reopens a paid denial whose payment is reversed with no correction', async () => {
    const payer = unique('REOPEN');
    const [pcn, icn] = [unique('P'), unique('C')];
    await ingestOk(payer, [deniedClaim(pcn, icn, 5000)]);
    const payment = paidClaim(pcn, icn, 5000, 5000);
    await ingestOk(payer, [payment]);
    const reversed = await ingestOk(payer, [reversal(payment)]);
    expect(reversed.reversalsApplied).toBe(1);
    expect(await denialOf(pcn)).toMatchObject([{ status: 'new', recovered: 0, resolved: false }]);
  });

  it('ignores the same payment sent again for an already paid denial', async () => {
    const payer = unique('TWICE');
    const [pcn, icn] = [unique('P'), unique('C')];
    await ingestOk(payer, [deniedClaim(pcn, icn, 5000)]);
    await ingestOk(payer, [paidClaim(pcn, icn, 5000, 5000)]);
    const resent = await ingestOk(payer, [paidClaim(pcn, icn, 5000, 5000)]);
    expect(resent.recoveriesMatched).toBe(0);
    expect(await denialOf(pcn)).toMatchObject([{ status: 'resolved_paid', recovered: 5000, recoveries: [5000] }]);
  });

  it('resolves a denial paid later in the same file, written already resolved', async () => {
    const payer = unique('SAME');
    const [pcn, icn] = [unique('P'), unique('C')];
    const result = await ingestOk(payer, [deniedClaim(pcn, icn, 3000), paidClaim(pcn, icn, 3000, 3000)]);
    expect(result).toMatchObject({ denialsCreated: 1, recoveriesMatched: 1 });
    expect(await denialOf(pcn)).toMatchObject([{ status: 'resolved_paid', recovered: 3000, resolved: true, events: ['ingested', 'payment'] }]);
  });

  it('follows a denial across the batches of one big file (2,500 claims each)', async () => {
    const payer = unique('BATCHES');
    const key = () => [unique('P'), unique('C')] as const;
    const [a, b, c] = [key(), key(), key()];
    const filler = (n: number) => Array.from({ length: n }, () => paidClaim(unique('F'), unique('FC'), 1000, 800));
    const claims = [
      deniedClaim(a[0], a[1], 4000), // batch 1
      deniedClaim(c[0], c[1], 6000),
      ...filler(2498),
      paidClaim(a[0], a[1], 4000, 4000), // batch 2, first claim
      deniedClaim(b[0], b[1], 5000),
      ...filler(2498),
      deniedClaim(b[0], b[1], 5000), // batch 3: the same denial again
      paidClaim(c[0], c[1], 6000, 6000),
      ...filler(10),
    ];
    const result = await ingestOk(payer, claims);
    expect(result).toMatchObject({ claims: 5012, denialsCreated: 3, recoveriesMatched: 2 });
    expect(await denialOf(a[0])).toMatchObject([{ status: 'resolved_paid', recovered: 4000, resolved: true, recoveries: [4000], events: ['ingested', 'payment'] }]);
    expect(await denialOf(b[0])).toMatchObject([{ status: 'new', recovered: 0, events: ['ingested', 'ingested'] }]);
    expect(await denialOf(c[0])).toMatchObject([{ status: 'resolved_paid', recovered: 6000, recoveries: [6000], events: ['ingested', 'payment'] }]);
  });

  it('decides the open appeal in the provider’s favour when the payment arrives while appealed', async () => {
    const payer = unique('APPEAL');
    const [pcn, icn] = [unique('P'), unique('C')];
    await ingestOk(payer, [deniedClaim(pcn, icn, 8000)]);
    const [denial] = await denialOf(pcn);
    await pool.query(`UPDATE denial SET status = 'appealed', "appealLevel" = '1' WHERE id = $1`, [denial.id]);
    await pool.query(`INSERT INTO appeal (id, "denialId", level, "submittedAt") VALUES (gen_random_uuid(), $1, '1', '2026-09-15')`, [denial.id]);
    await ingest835(actor, { filename: `${unique('remit')}.835`, bytes: remit([transaction(payer, [paidClaim(pcn, icn, 8000, 8000)], { paymentDate: '2026-10-20' })]) });
    expect(await denialOf(pcn)).toMatchObject([{ status: 'resolved_paid', recovered: 8000 }]);
    const { rows } = await pool.query(`SELECT outcome, "decidedAt"::text AS decided, "recoveredCents"::int AS recovered FROM appeal WHERE "denialId" = $1`, [denial.id]);
    expect(rows).toEqual([{ outcome: 'overturned', decided: '2026-10-20', recovered: 8000 }]);
  });

  it('decides a submitted appeal as partially overturned when the payment covers part, and leaves a draft alone', async () => {
    const payer = unique('APPEAL');
    const [pcn, icn] = [unique('P'), unique('C')];
    await ingestOk(payer, [deniedClaim(pcn, icn, 8000)]);
    const [denial] = await denialOf(pcn);
    await pool.query(`UPDATE denial SET status = 'appealed', "appealLevel" = '1' WHERE id = $1`, [denial.id]);
    await pool.query(`INSERT INTO appeal (id, "denialId", level, "submittedAt", "createdAt") VALUES (gen_random_uuid(), $1, '1', '2026-09-15', now() - interval '1 day')`, [denial.id]);
    await pool.query(`INSERT INTO appeal (id, "denialId", level) VALUES (gen_random_uuid(), $1, '2')`, [denial.id]);
    await ingest835(actor, { filename: `${unique('remit')}.835`, bytes: remit([transaction(payer, [paidClaim(pcn, icn, 8000, 3000)], { paymentDate: '2026-10-21' })]) });
    expect(await denialOf(pcn)).toMatchObject([{ status: 'resolved_partial', recovered: 3000 }]);
    const { rows } = await pool.query(`SELECT level, outcome, "decidedAt"::text AS decided FROM appeal WHERE "denialId" = $1 ORDER BY level`, [denial.id]);
    expect(rows).toEqual([
      { level: '1', outcome: 'partially_overturned', decided: '2026-10-21' },
      { level: '2', outcome: null, decided: null },
    ]);
  });
});

describe('the owner of a denial a remittance pays', () => {
  it('is told, in the import’s transaction, how much was paid on which claim', async () => {
    const payer = unique('NOTE');
    const [pcn, icn] = [unique('P'), unique('C')];
    await ingestOk(payer, [deniedClaim(pcn, icn, 25000)]);
    const { rows: [owner] } = await pool.query<{ id: string }>(
      `INSERT INTO app_user (id, email, name, "passwordHash", role, "updatedAt") VALUES (gen_random_uuid(), $1, 'Owner', 'x', 'specialist', now()) RETURNING id`,
      [`${unique('owner')}@overturn.test`.toLowerCase()],
    );
    await pool.query(`UPDATE denial SET "ownerId" = $1 WHERE "patientControlNumber" = $2`, [owner!.id, pcn]);

    await ingestOk(payer, [paidClaim(pcn, icn, 25000, 10000)]);
    const { rows } = await pool.query(`SELECT kind, title, href FROM notification WHERE "userId" = $1`, [owner!.id]);
    const [denial] = await denialOf(pcn);
    expect(rows).toEqual([{ kind: 'recovery', title: `Paid $100.00 on claim ${pcn}`, href: `/denials/${denial.id}` }]);
  });
});

describe('events on one denial across the batches of one import', () => {
  it('stamps a payment in a later batch after the denial’s own events, however far apart in the file', async () => {
    const payer = unique('SEQ');
    const pcn = unique('P');
    const pcc = unique('C');
    // 2,600 claims in between: the payment is decided in another batch (2,500 claims each) than the denial,
    // and the writer keeps no per-denial counter across batches; the stored events say where to go on from.
    const filler = Array.from({ length: 2600 }, (_, i) => paidClaim(`${payer}-${i}`, `${payer}F${i}`, 1000, 1000));
    await ingestOk(payer, [deniedClaim(pcn, pcc, 8000), ...filler, paidClaim(pcn, pcc, 8000, 3000), paidClaim(pcn, pcc, 8000, 5000)]);
    const { rows } = await pool.query<{ type: string; ms: string }>(
      `SELECT e.type, (extract(epoch FROM e."createdAt") * 1000)::bigint::text AS ms FROM denial_event e JOIN denial d ON d.id = e."denialId"
       WHERE d."patientControlNumber" = $1 ORDER BY e."createdAt", e.id`,
      [pcn],
    );
    expect(rows.map((r) => r.type)).toEqual(['ingested', 'payment', 'payment']);
    const [ingested, first, second] = rows.map((r) => Number(r.ms));
    expect([first! - ingested!, second! - ingested!]).toEqual([1, 2]);
  });
});
