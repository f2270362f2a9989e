import { describe, expect, it } from 'vitest';
import { ingest835 } from '@/lib/server/remits/ingest-835';
import { sha256Hex } from '@/lib/server/remits/open-import';
import { actor, count, deniedClaim, paidClaim, remit, transaction, unique, withIngestDatabase } from './helpers';

withIngestDatabase();

const rowsOfPayer = async (payer: string) => ({
  files: await count('remittance_file', `id IN (SELECT "fileId" FROM remittance r JOIN payer p ON p.id = r."payerId" WHERE p.identifier = $1)`, [payer]),
  claims: await count('claim', `"payerId" = (SELECT id FROM payer WHERE identifier = $1)`, [payer]),
  denials: await count('denial', `"payerId" = (SELECT id FROM payer WHERE identifier = $1)`, [payer]),
});

describe('importing the same remittance again', () => {
  it('refuses the same bytes with a pointer to the first import and writes nothing', async () => {
    const payer = unique('DUP');
    const bytes = remit([transaction(payer, [deniedClaim(unique('P'), unique('C'), 25000), paidClaim(unique('P'), unique('C'), 10000, 9000)])]);
    const first = await ingest835(actor, { filename: 'first.835', bytes });
    if (!first.ok) throw new Error(first.message);
    const before = await rowsOfPayer(payer);
    expect(before).toEqual({ files: 1, claims: 2, denials: 1 });

    const again = await ingest835(actor, { filename: 'renamed.835', bytes });
    expect(again).toMatchObject({ ok: false, code: 'duplicate', existingFileId: first.fileId });
    if (again.ok || again.code !== 'duplicate') return;
    expect(again.message).toContain('first.835');
    expect(new Date(again.importedAt).getTime()).not.toBeNaN();
    expect(await rowsOfPayer(payer)).toEqual(before);
    expect(await count('audit_event', `action = 'remit.import' AND "entityId" = $1`, [first.fileId])).toBe(1);
  });

  it('creates the rows of ten concurrent uploads of one file once', async () => {
    const payer = unique('RACE');
    const claims = Array.from({ length: 50 }, (_, i) => (i % 3 === 0 ? deniedClaim(unique('P'), unique('C'), 5000 + i) : paidClaim(unique('P'), unique('C'), 5000, 4000)));
    const bytes = remit([transaction(payer, claims)]);
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => ingest835(actor, { filename: `race-${i}.835`, bytes })));
    const imported = results.filter((r) => r.ok);
    expect(imported).toHaveLength(1);
    const fileId = imported[0]!.ok ? imported[0]!.fileId : '';
    for (const r of results.filter((x) => !x.ok)) expect(r).toMatchObject({ ok: false, code: 'duplicate', existingFileId: fileId });
    expect(await count('remittance_file', 'sha256 = $1', [sha256Hex(bytes)])).toBe(1);
    expect(await rowsOfPayer(payer)).toEqual({ files: 1, claims: 50, denials: 17 });
  });

  it('imports new bytes with a trace number the payer already sent, flagged for review with the reason', async () => {
    const payer = unique('TRACE');
    const trace = unique('EFT');
    const first = await ingest835(actor, { filename: 'payment.835', bytes: remit([transaction(payer, [paidClaim(unique('P'), unique('C'), 10000, 9000)], { traceNumber: trace })]) });
    const second = await ingest835(actor, { filename: 'payment-resent.835', bytes: remit([transaction(payer, [paidClaim(unique('P'), unique('C'), 20000, 15000)], { traceNumber: trace })]) });
    expect(first).toMatchObject({ ok: true, needsReview: false, reviewReason: null });
    expect(second).toMatchObject({ ok: true, needsReview: true });
    if (!second.ok) return;
    expect(second.reviewReason).toContain(`Trace number ${trace}`);
    expect(second.reviewReason).toContain('payment.835');
    expect(await count('remittance_file', `id = $1 AND "needsReview" AND "reviewReason" IS NOT NULL`, [second.fileId])).toBe(1);
  });

  it('flags an interchange control number the payer already used in other content', async () => {
    const payer = unique('ICN');
    const icn = String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
    await ingest835(actor, { filename: 'a.835', bytes: remit([transaction(payer, [paidClaim(unique('P'), unique('C'), 100, 100)])], { controlNumber: icn }) });
    const second = await ingest835(actor, { filename: 'b.835', bytes: remit([transaction(payer, [paidClaim(unique('P'), unique('C'), 200, 200)])], { controlNumber: icn }) });
    expect(second).toMatchObject({ ok: true, needsReview: true });
    if (second.ok) expect(second.reviewReason).toContain(`Interchange control number ${icn}`);
  });

  it('reports what an import would do without writing anything on a dry run', async () => {
    const payer = unique('DRY');
    const bytes = remit([transaction(payer, [deniedClaim(unique('P'), unique('C'), 7000), paidClaim(unique('P'), unique('C'), 100, 100)])]);
    const dry = await ingest835(actor, { filename: 'dry.835', bytes }, { dryRun: true });
    expect(dry).toMatchObject({ ok: true, claims: 2, denialsCreated: 1 });
    expect(await count('remittance_file', 'sha256 = $1', [sha256Hex(bytes)])).toBe(0);
    expect(await rowsOfPayer(payer)).toEqual({ files: 0, claims: 0, denials: 0 });
    // …so the real import afterwards is not a duplicate.
    expect(await ingest835(actor, { filename: 'dry.835', bytes })).toMatchObject({ ok: true, denialsCreated: 1 });
  });
});

