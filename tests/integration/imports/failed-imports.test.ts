import { describe, expect, it } from 'vitest';
import type { FailedImportRow, ImportHistoryRow } from '@/lib/domain/contracts/imports';
import { db } from '@/lib/server/db';
import { listImports } from '@/lib/server/imports/list-imports';
import { ingest835 } from '@/lib/server/remits/ingest-835';
import { ingestCsv } from '@/lib/server/remits/ingest-csv';
import { createPerson, createTeam } from '../../support/denial-factory';
import { count, deniedClaim, paidClaim, remit, transaction, unique, withIngestDatabase } from '../ingest/helpers';

withIngestDatabase();

const failedNamed = (rows: ImportHistoryRow[], filename: string) => rows.find((r): r is FailedImportRow => r.outcome === 'failed' && r.filename === filename);

describe('an upload refused for its content', () => {
  it('appears in the history with its error and position, and wrote no claim rows', async () => {
    const team = await createTeam();
    const me = await createPerson('specialist', team.id, 'Failing Uploader');
    const payer = unique('BROKEN');
    const good = new TextDecoder().decode(remit([transaction(payer, [deniedClaim(`${payer}-1`, `${payer}C1`, 1000), deniedClaim(`${payer}-2`, `${payer}C2`, 2000)])]));
    // The second claim's billed amount is not an amount: the read stops there, after the first claim was read.
    const broken = good.replace(`CLP*${payer}-2*4*20.00`, `CLP*${payer}-2*4*2O.00`);
    expect(broken).not.toBe(good);
    const bytes = new TextEncoder().encode(broken);
    const filename = `broken-${payer}.835`;

    const result = await ingest835(me, { filename, bytes });
    expect(result).toMatchObject({ ok: false, code: 'parse_error', error: { segmentId: 'CLP', element: 3 } });
    if (result.ok || result.code !== 'parse_error') return;

    expect(await count('claim', `"patientControlNumber" LIKE $1`, [`${payer}%`])).toBe(0);
    expect(await count('payer', 'identifier = $1', [payer])).toBe(0);
    expect(await count('remittance_file', 'filename = $1', [filename])).toBe(0);

    const { rows } = await listImports(me, {});
    const failed = failedNamed(rows, filename);
    expect(failed).toMatchObject({
      outcome: 'failed',
      format: 'x12_835',
      sizeBytes: bytes.byteLength,
      importedBy: 'Failing Uploader',
      error: { segmentIndex: result.error.segmentIndex, segmentId: 'CLP', element: 3, message: result.error.message },
    });
    expect(failed!.error.message).toContain('"2O.00"');

    const event = await db.auditEvent.findFirst({ where: { action: 'remit.import_failed', entityId: failed!.id } });
    expect(event).toMatchObject({ actorId: me.id, entityType: 'failed_import' });
    expect(event!.details).toMatchObject({ filename, kind: '835', segmentId: 'CLP', element: 3 });

    // Another team's specialist does not see it; the uploader's teammate does.
    const stranger = await createPerson('specialist', (await createTeam()).id);
    expect(failedNamed((await listImports(stranger, {})).rows, filename)).toBeUndefined();
    const teammate = await createPerson('specialist', team.id);
    expect(failedNamed((await listImports(teammate, {})).rows, filename)).toBeDefined();
  });

  it('is listed among the imports by time and pages with them', async () => {
    const me = await createPerson('specialist', (await createTeam()).id);
    const payer = unique('ORDER');
    const first = await ingest835(me, { filename: `first-${payer}.835`, bytes: remit([transaction(payer, [paidClaim(`${payer}-1`, `${payer}C1`, 1000, 800)])]) });
    expect(first.ok).toBe(true);
    await ingest835(me, { filename: `second-${payer}.835`, bytes: new TextEncoder().encode('not an 835 at all') });
    const third = await ingest835(me, { filename: `third-${payer}.835`, bytes: remit([transaction(payer, [paidClaim(`${payer}-3`, `${payer}C3`, 1000, 800)])]) });
    expect(third.ok).toBe(true);

    const { rows } = await listImports(me, {});
    const mine = rows.filter((r) => r.filename.endsWith(`-${payer}.835`)).map((r) => [r.filename.split('-')[0], r.outcome]);
    expect(mine).toEqual([['third', 'imported'], ['second', 'failed'], ['first', 'imported']]);

    // A failed row's id is a cursor like any other.
    const second = rows.find((r) => r.filename === `second-${payer}.835`)!;
    const after = await listImports(me, { before: second.id });
    expect(after.rows[0]).toMatchObject({ filename: `first-${payer}.835`, outcome: 'imported' });
  });

  it('records a CSV whose mapping names a column the file lacks, without a position', async () => {
    const me = await createPerson('specialist', (await createTeam()).id);
    const filename = `${unique('export')}.csv`;
    const bytes = new TextEncoder().encode('Account,Charge,Payment\nA1,10.00,0.00\n');
    const result = await ingestCsv(me, { filename, bytes, source: 'Test', saveMapping: false, mapping: { patientControlNumber: 'Account', billed: 'Charge', paid: 'Payment', carc: 'Reason', payerName: 'Insurance' } });
    expect(result).toMatchObject({ ok: false, code: 'invalid_mapping' });
    const failed = failedNamed((await listImports(me, {})).rows, filename);
    expect(failed).toMatchObject({ format: 'csv', sizeBytes: bytes.byteLength, error: { segmentIndex: null, segmentId: null, element: null } });
    expect(failed!.error.message).toContain('"Reason", which is not a column of this file');
  });

  it('is not recorded by a dry run or for a duplicate', async () => {
    const me = await createPerson('specialist', (await createTeam()).id);
    const filename = `${unique('dry')}.835`;
    await ingest835(me, { filename, bytes: new TextEncoder().encode('nope') }, { dryRun: true });
    expect(await count('failed_import', 'filename = $1', [filename])).toBe(0);
  });
});

describe('an import whose money does not balance', () => {
  it('is imported, flagged for review with the figures, and the history says why', async () => {
    const me = await createPerson('specialist', (await createTeam()).id);
    const payer = unique('UNBAL');
    const text = new TextDecoder().decode(remit([transaction(payer, [paidClaim(`${payer}-1`, `${payer}C1`, 1000, 800), deniedClaim(`${payer}-2`, `${payer}C2`, 500)])]));
    const bytes = new TextEncoder().encode(text.replace('BPR*I*8.00*C', 'BPR*I*7.99*C'));
    const filename = `unbalanced-${payer}.835`;
    const result = await ingest835(me, { filename, bytes });
    expect(result).toMatchObject({ ok: true, needsReview: true, denialsCreated: 1 });
    if (!result.ok) return;
    expect(result.reviewReason).toBe('Payment $7.99 (BPR02) does not equal claim payments $8.00 less provider adjustments $0.00.');
    const row = (await listImports(me, { file: result.fileId })).rows[0];
    expect(row).toMatchObject({ outcome: 'imported', needsReview: true, reviewReason: result.reviewReason });
  });

  it('is not flagged when it balances', async () => {
    const me = await createPerson('specialist', (await createTeam()).id);
    const payer = unique('BAL');
    const result = await ingest835(me, { filename: `${payer}.835`, bytes: remit([transaction(payer, [paidClaim(`${payer}-1`, `${payer}C1`, 1000, 800)], { providerAdjustments: [{ reason: 'L6', amountCents: -150 }] })]) });
    expect(result).toMatchObject({ ok: true, needsReview: false, reviewReason: null });
  });
});
