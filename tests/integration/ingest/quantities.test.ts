// Quantities finer than their numeric(12,3) columns keep (npm run fuzz found "0.000000001" units failing the
// whole import with a RangeError from the binary COPY writer): imported, rounded to zero as PostgreSQL rounds.
// Larger than they keep (10 whole digits failed the import on "numeric field overflow"): the reader's error.
import { describe, expect, it } from 'vitest';
import { pool } from '@/lib/server/db';
import { ingest835 } from '@/lib/server/remits/ingest-835';
import { actor, deniedClaim, remit, transaction, unique, withIngestDatabase } from './helpers';

withIngestDatabase();

describe('quantities in an 835', () => {
  it('imports units and a CAS quantity under a thousandth, stored as 0.000', async () => {
    const pcn = unique('QTY');
    const written = new TextDecoder().decode(remit([transaction(unique('QTYP'), [deniedClaim(pcn, unique('C'), 10_000)])]));
    const text = written.replace(/(SVC\*HC:99214\*[0-9.]+\*[0-9.]+)~/, '$1**0.000000001~').replace(/(CAS\*CO\*50\*[0-9.]+)~/, '$1*0.0000004~');
    expect(text).toMatch(/SVC\*HC:99214\*[0-9.]+\*[0-9.]+\*\*0\.000000001~/);
    expect(text).toMatch(/CAS\*CO\*50\*[0-9.]+\*0\.0000004~/);
    const result = await ingest835(actor, { filename: 'tiny-quantities.835', bytes: new TextEncoder().encode(text) });
    if (!result.ok) throw new Error(result.message);
    const { rows } = await pool.query(
      `SELECT sl.units::text AS units, a.quantity::text AS quantity FROM claim c
         JOIN service_line sl ON sl."claimId" = c.id JOIN adjustment a ON a."serviceLineId" = sl.id
        WHERE c."patientControlNumber" = $1`,
      [pcn],
    );
    expect(rows).toEqual([{ units: '0.000', quantity: '0.000' }]);
  });

  it('refuses units with more whole digits than the column keeps with the reader\'s positioned error', async () => {
    const written = new TextDecoder().decode(remit([transaction(unique('QTYP'), [deniedClaim(unique('QTY'), unique('C'), 10_000)])]));
    const text = written.replace(/(SVC\*HC:99214\*[0-9.]+\*[0-9.]+)~/, '$1**1234567890123~');
    expect(text).toContain('**1234567890123~');
    const result = await ingest835(actor, { filename: 'huge-units.835', bytes: new TextEncoder().encode(text) });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('parse_error');
    expect(result.message).toMatch(/^The file could not be read: segment \d+ \(SVC\), element 05: /);
  });
});
