import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pool } from '@/lib/server/db';
import { ingest835 } from '@/lib/server/remits/ingest-835';
import { sha256Hex } from '@/lib/server/remits/open-import';
import { actor, count, deniedClaim, paidClaim, remit, transaction, unique, withIngestDatabase } from './helpers';

withIngestDatabase();

const POISON = unique('POISON');

// A database failure late in an import: the denial of the last claim is refused by a trigger, after whole
// batches of claims and denials (2,500 claims each) have already been sent inside the transaction.
beforeAll(async () => {
  await pool.query(`
    CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW."patientControlNumber" = '${POISON}' THEN RAISE EXCEPTION 'refused by test trigger'; END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER refuse_poison BEFORE INSERT ON denial FOR EACH ROW EXECUTE FUNCTION refuse_poison();`);
});

afterAll(async () => {
  await pool.query('DROP TRIGGER refuse_poison ON denial; DROP FUNCTION refuse_poison();');
});

const nothingOf = async (payer: string, bytes: Uint8Array) => ({
  files: await count('remittance_file', 'sha256 = $1', [sha256Hex(bytes)]),
  payers: await count('payer', 'identifier = $1', [payer]),
  claims: await count('claim', `"patientControlNumber" LIKE $1`, [`${payer}%`]),
  audit: await count('audit_event', `action = 'remit.import' AND details->>'sha256' = $1`, [sha256Hex(bytes)]),
});

describe('a failed import', () => {
  it('writes nothing when the database refuses a row after several batches were written', async () => {
    const payer = unique('FAIL');
    const claims = Array.from({ length: 6000 }, (_, i) => (i % 2 ? deniedClaim(`${payer}-${i}`, `${payer}C${i}`, 1000) : paidClaim(`${payer}-${i}`, `${payer}C${i}`, 1000, 800)));
    claims.push(deniedClaim(POISON, unique('C'), 1000));
    const bytes = remit([transaction(payer, claims)]);
    const progress: string[] = [];
    await expect(ingest835(actor, { filename: 'poison.835', bytes }, { onProgress: (p) => progress.push(p.phase) })).rejects.toThrow(/refused by test trigger/);
    expect(progress).toContain('parse');
    expect(await nothingOf(payer, bytes)).toEqual({ files: 0, payers: 0, claims: 0, audit: 0 });
  });

  it('writes nothing and names the position when the file is cut off after thousands of claims', async () => {
    const payer = unique('CUT');
    const claims = Array.from({ length: 6000 }, (_, i) => deniedClaim(`${payer}-${i}`, `${payer}C${i}`, 1000));
    const whole = remit([transaction(payer, claims)]);
    const bytes = whole.subarray(0, whole.byteLength - 40);
    const result = await ingest835(actor, { filename: 'cut.835', bytes });
    expect(result).toMatchObject({ ok: false, code: 'parse_error', error: { code: 'truncated' } });
    if (result.ok || result.code !== 'parse_error') return;
    expect(result.error.segmentIndex).toBeGreaterThan(6000);
    expect(result.message).toMatch(/^The file could not be read: segment \d+/);
    expect(await nothingOf(payer, bytes)).toEqual({ files: 0, payers: 0, claims: 0, audit: 0 });
  });

  it('refuses a file that is not an 835 at all, with a positioned error', async () => {
    const result = await ingest835(actor, { filename: 'notes.txt', bytes: new TextEncoder().encode('hello, this is not X12') });
    expect(result).toMatchObject({ ok: false, code: 'parse_error', error: { code: 'not-x12' } });
  });
});
