import { describe, expect, it } from 'vitest';
import { pool } from '@/lib/server/db';
import { ingestCsv } from '@/lib/server/remits/ingest-csv';
import { previewCsv } from '@/lib/server/remits/preview-csv';
import { actor, count, importer, unique, withIngestDatabase } from './helpers';

withIngestDatabase();

const encode = (text: string) => new TextEncoder().encode(text);
const MAPPING = {
  patientControlNumber: 'Account #',
  payerClaimNumber: 'ICN',
  payerName: 'Payer',
  payerId: 'Payer ID',
  patientName: 'Patient',
  serviceDate: 'DOS',
  remitDate: 'Check Date',
  billed: 'Charges',
  paid: 'Paid',
  carc: 'Reason',
  rarc: 'Remarks',
  procedureCode: 'CPT',
};

function exportFile(payerId: string, prefix: string): string {
  return [
    'Account #,ICN,Payer,Payer ID,Patient,DOS,Check Date,Charges,Paid,Reason,Remarks,CPT',
    `${prefix}-1,${prefix}C1,Test Health,${payerId},"Doe, Jane",09/02/2026,2026-10-01,"$1,234.50",$0.00,CO-50,N115,99214`,
    `${prefix}-2,${prefix}C2,Test Health,${payerId},John Roe,2026-09-03,10/01/2026,200.00,150.00,45,,99213`,
    `${prefix}-3,${prefix}C3,Test Health,${payerId},Ann Poe,2026-09-04,2026-10-01,12.3.4,0,CO-16,MA130,`,
    `,${prefix}C4,Test Health,${payerId},No Account,2026-09-05,2026-10-01,100,0,CO-16,,`,
    `${prefix}-5,${prefix}C5,Test Health,${payerId},Bad Date,2026-02-30,2026-10-01,100,0,CO-197,,`,
    '',
    `${prefix}-6,${prefix}C6,Test Health,${payerId},"Multi, Line",2026-09-06,2026-10-01,300.00,0,CO-97,"N19",20610`,
    `${prefix}-7,${prefix}C7,,,No Payer,2026-09-07,2026-10-01,50,0,CO-50,,`,
  ].join('\r\n');
}

describe('importing a clearinghouse CSV export', () => {
  it('imports the valid rows and lists every bad row with its line and reason', async () => {
    const payerId = unique('CSVP');
    const prefix = unique('CSV');
    const bytes = encode(exportFile(payerId, prefix));
    const phases: string[] = [];
    const result = await ingestCsv(actor, { filename: 'denials.csv', bytes, source: `clearinghouse-${prefix}`, mapping: MAPPING, saveMapping: true }, { onProgress: (p) => phases.push(p.phase) });
    expect(result).toMatchObject({ ok: true, imported: 3, denialsCreated: 2 });
    if (!result.ok) return;
    expect(result.rejected).toEqual([
      { line: 4, reason: 'Charges: "12.3.4" is not an amount in dollars and cents' },
      { line: 5, reason: 'Account #: patient control number is empty' },
      { line: 6, reason: 'DOS: "2026-02-30" is not a date (YYYY-MM-DD or MM/DD/YYYY)' },
      { line: 9, reason: 'Payer: the payer name and payer ID are both empty' },
    ]);
    expect(phases).toEqual(expect.arrayContaining(['parse', 'classify', 'done']));

    const stored = await pool.query(`SELECT "rejectedRows", "claimCount", "denialCount", format::text FROM remittance_file WHERE id = $1`, [result.fileId]);
    expect(stored.rows[0]).toMatchObject({ rejectedRows: result.rejected, claimCount: 3, denialCount: 2, format: 'csv' });

    const claims = await pool.query(
      `SELECT c."patientControlNumber" AS pcn, c."billedCents"::int AS billed, c."paidCents"::int AS paid, c."statusCode", c."isDenial",
              c."serviceDate"::text AS dos, c."patientLastName" AS last, c.balanced
       FROM claim c JOIN payer p ON p.id = c."payerId" WHERE p.identifier = $1 ORDER BY c."segmentIndex"`,
      [payerId],
    );
    expect(claims.rows).toEqual([
      { pcn: `${prefix}-1`, billed: 123450, paid: 0, statusCode: '4', isDenial: true, dos: '2026-09-02', last: 'Doe', balanced: true },
      { pcn: `${prefix}-2`, billed: 20000, paid: 15000, statusCode: '1', isDenial: false, dos: '2026-09-03', last: 'Roe', balanced: true },
      { pcn: `${prefix}-6`, billed: 30000, paid: 0, statusCode: '4', isDenial: true, dos: '2026-09-06', last: 'Multi', balanced: true },
    ]);
    const denials = await pool.query(
      `SELECT d."patientControlNumber" AS pcn, d."deniedCents"::int AS denied, d.category, d."noticeDate"::text AS notice, d."deadlineDate" IS NOT NULL AS deadline
       FROM denial d JOIN payer p ON p.id = d."payerId" WHERE p.identifier = $1 ORDER BY d."patientControlNumber"`,
      [payerId],
    );
    expect(denials.rows).toEqual([
      { pcn: `${prefix}-1`, denied: 123450, category: 'medical_necessity', notice: '2026-10-01', deadline: true },
      { pcn: `${prefix}-6`, denied: 30000, category: 'bundling', notice: '2026-10-01', deadline: true },
    ]);
    expect(await count('audit_event', `action = 'remit.import' AND "entityId" = $1`, [result.fileId])).toBe(1);

    // The mapping is saved under the source and offered with the next file from it.
    const preview = await previewCsv(importer, bytes, `clearinghouse-${prefix}`);
    expect(preview.savedMapping).toEqual(MAPPING);
    expect(preview).toMatchObject({ headers: expect.arrayContaining(['Account #', 'CPT']), totalRows: 7 });
    expect(preview.rows[0]).toEqual([`${prefix}-1`, `${prefix}C1`, 'Test Health', payerId, 'Doe, Jane', '09/02/2026', '2026-10-01', '$1,234.50', '$0.00', 'CO-50', 'N115', '99214']);
  });

  it('rejects rows with a date outside 1900–2199 or a control character, and imports the rest', async () => {
    const payerId = unique('CSVP');
    const prefix = unique('CSV');
    const header = 'Account #,ICN,Payer,Payer ID,Patient,DOS,Check Date,Charges,Paid,Reason,Remarks,CPT';
    const row = (n: number, patient: string, dos: string, check = '2026-10-01') => `${prefix}-${n},${prefix}C${n},Test Health,${payerId},${patient},${dos},${check},100,0,CO-50,,`;
    const bytes = encode(
      [header, row(1, 'Year Zero', '0000-01-01'), row(2, 'Far Future', '2026-09-01', '12/31/9999'), row(3, 'Nul\u0000Name', '2026-09-01'), row(4, 'Fine', '2026-09-01')].join('\n'),
    );
    const result = await ingestCsv(actor, { filename: 'dates.csv', bytes, source: `dates-${prefix}`, mapping: MAPPING, saveMapping: false });
    expect(result).toMatchObject({ ok: true, imported: 1 });
    expect(result.ok && result.rejected).toEqual([
      { line: 2, reason: 'DOS: "0000-01-01" is not a date (YYYY-MM-DD or MM/DD/YYYY)' },
      { line: 3, reason: 'Check Date: "12/31/9999" is not between 1900 and 2199' },
      { line: 4, reason: 'Patient: Remove the control character (U+0000): use one line of plain text' },
    ]);
  });

  it('refuses the same bytes again with a pointer to the first import', async () => {
    const prefix = unique('CSVDUP');
    const bytes = encode(exportFile(unique('CSVP'), prefix));
    const first = await ingestCsv(actor, { filename: 'a.csv', bytes, source: 'dup', mapping: MAPPING, saveMapping: false });
    const again = await ingestCsv(actor, { filename: 'b.csv', bytes, source: 'dup', mapping: MAPPING, saveMapping: false });
    expect(again).toMatchObject({ ok: false, code: 'duplicate', existingFileId: first.ok ? first.fileId : 'x' });
  });

  it('refuses a mapping without the required fields or with columns the file lacks, writing nothing', async () => {
    const bytes = encode(exportFile(unique('CSVP'), unique('CSVBAD')));
    const { carc: _carc, ...noCarc } = MAPPING;
    const missing = await ingestCsv(actor, { filename: 'm.csv', bytes, source: 's', mapping: { ...noCarc, payerName: undefined, payerId: undefined }, saveMapping: true });
    expect(missing).toMatchObject({ ok: false, code: 'invalid_mapping' });
    if (!missing.ok) {
      expect(missing.message).toContain('CARC: Required: choose a column.');
      expect(missing.message).toContain('payer');
    }
    const wrong = await ingestCsv(actor, { filename: 'm.csv', bytes, source: 's', mapping: { ...MAPPING, paid: 'Payment' }, saveMapping: true });
    expect(wrong).toMatchObject({ ok: false, code: 'invalid_mapping', message: expect.stringContaining('"Payment"') });
    expect(await count('csv_mapping', `source = 's'`)).toBe(0);
  });

  it('suggests a mapping from common export headers', async () => {
    const preview = await previewCsv(importer, encode('Patient Account Number,Payer Name,Payer ID,Total Charges,Paid Amount,Reason Code,Remark Codes,Date of Service,ICN\n'));
    expect(preview.suggestedMapping).toEqual({
      patientControlNumber: 'Patient Account Number',
      payerClaimNumber: 'ICN',
      payerName: 'Payer Name',
      payerId: 'Payer ID',
      serviceDate: 'Date of Service',
      billed: 'Total Charges',
      paid: 'Paid Amount',
      carc: 'Reason Code',
      rarc: 'Remark Codes',
    });
    expect(preview).toMatchObject({ totalRows: 0, savedMapping: null });
  });
});
