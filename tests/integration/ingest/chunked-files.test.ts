// Issue 16: an 835 is stored in chunks as it arrives and read back as a stream (docs/decisions/0034). Small
// chunks here (32 KiB) cut an ordinary file into many, so every boundary case is met without a gigabyte.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readRawFile } from '@/lib/server/imports/read-raw-file';
import { ingest835 } from '@/lib/server/remits/ingest-835';
import { sha256Hex } from '@/lib/server/remits/open-import';
import { createPerson } from '../../support/denial-factory';
import { actor, count, deniedClaim, paidClaim, remit, transaction, unique, withIngestDatabase } from './helpers';

withIngestDatabase();

const CHUNK = 32 * 1024;

/** A file of a few hundred KB: one payer, `n` claims (a third denied), in one transaction. */
function bigRemit(payer: string, n: number): Uint8Array {
  const claims = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? deniedClaim(`${payer}-${i}`, `${payer}C${i}`, 1000 + i) : paidClaim(`${payer}-${i}`, `${payer}C${i}`, 1000, 900)));
  return remit([transaction(payer, claims)]);
}

/** The bytes as an upload body or a file stream gives them: pieces of an odd size that fit no chunk. */
async function* arriving(bytes: Uint8Array, piece = 10_007) {
  for (let at = 0; at < bytes.length; at += piece) {
    await new Promise(setImmediate);
    yield bytes.subarray(at, at + piece);
  }
}

const chunkCount = (fileId: string) => count('remittance_file_chunk', '"fileId" = $1', [fileId]);

const nothingOf = async (payer: string, sha256: string) => ({
  files: await count('remittance_file', 'sha256 = $1', [sha256]),
  orphanChunks: await count('remittance_file_chunk', 'NOT EXISTS (SELECT 1 FROM remittance_file f WHERE f.id = "fileId")'),
  claims: await count('claim', `"patientControlNumber" LIKE $1`, [`${payer}%`]),
  payers: await count('payer', 'identifier = $1', [payer]),
});

describe('a file stored in chunks', () => {
  it('stores a streamed file larger than a chunk as its chunks, reads every claim, and downloads byte for byte', async () => {
    const payer = unique('CHUNK');
    const bytes = bigRemit(payer, 1500);
    expect(bytes.length).toBeGreaterThan(4 * CHUNK);
    const result = await ingest835(actor, { filename: 'chunked.835', source: arriving(bytes) }, { chunkBytes: CHUNK });
    if (!result.ok) throw new Error(result.message);
    expect(result).toMatchObject({ claims: 1500, denialsCreated: 500 });
    expect(await count('claim', `"patientControlNumber" LIKE $1`, [`${payer}-%`])).toBe(1500);
    expect(await chunkCount(result.fileId)).toBe(Math.ceil(bytes.length / CHUNK));
    expect(await count('remittance_file_chunk', `"fileId" = $1 AND length(content) = $2`, [result.fileId, CHUNK])).toBe(Math.floor(bytes.length / CHUNK));
    expect(await count('remittance_file', `id = $1 AND sha256 = $2 AND "sizeBytes" = $3`, [result.fileId, sha256Hex(bytes), bytes.length])).toBe(1);

    const manager = await createPerson('manager');
    const raw = await readRawFile(manager, result.fileId);
    expect(raw.sizeBytes).toBe(bytes.length);
    const hash = createHash('sha256');
    let received = 0;
    const reader = raw.content.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      hash.update(next.value);
      received += next.value.byteLength;
    }
    expect({ received, sha256: hash.digest('hex') }).toEqual({ received: bytes.length, sha256: sha256Hex(bytes) });
  });

  it('recognises the same bytes streamed again, in other pieces, as a duplicate and keeps none of its chunks', async () => {
    const payer = unique('DUPCHUNK');
    const bytes = bigRemit(payer, 600);
    const first = await ingest835(actor, { filename: 'first.835', source: arriving(bytes) }, { chunkBytes: CHUNK });
    if (!first.ok) throw new Error(first.message);
    const chunksBefore = await count('remittance_file_chunk');
    const again = await ingest835(actor, { filename: 'again.835', source: arriving(bytes, 333) }, { chunkBytes: CHUNK });
    expect(again).toMatchObject({ ok: false, code: 'duplicate', existingFileId: first.fileId });
    expect(await count('remittance_file_chunk')).toBe(chunksBefore);
    expect(await count('claim', `"patientControlNumber" LIKE $1`, [`${payer}-%`])).toBe(600);
  });

  it('leaves no row behind when the file turns out malformed several chunks in', async () => {
    const payer = unique('BADCHUNK');
    const good = new TextDecoder().decode(bigRemit(payer, 1500));
    // A bad amount in the last claim: everything before it was stored, read and written in the transaction.
    const at = good.lastIndexOf('CLP*');
    const bytes = new TextEncoder().encode(`${good.slice(0, at)}CLP*${payer}-X*1*12.3.4*${good.slice(good.indexOf('*', good.indexOf('*', at + 4) + 1) + 1)}`);
    expect(at).toBeGreaterThan(4 * CHUNK);
    const failedBefore = await count('failed_import', 'filename = $1', ['bad.835']);
    const result = await ingest835(actor, { filename: 'bad.835', source: arriving(bytes) }, { chunkBytes: CHUNK });
    expect(result).toMatchObject({ ok: false, code: 'parse_error' });
    if (result.ok || result.code !== 'parse_error') return;
    expect(result.error).toMatchObject({ code: 'value', segmentId: 'CLP', element: 3 });
    expect(await nothingOf(payer, sha256Hex(bytes))).toEqual({ files: 0, orphanChunks: 0, claims: 0, payers: 0 });
    // The failure itself is kept, with the file's size (not its bytes).
    expect(await count('failed_import', 'filename = $1 AND "sizeBytes" = $2', ['bad.835', bytes.length])).toBe(failedBefore + 1);
  });

  it('writes nothing when the upload breaks off after several chunks', async () => {
    const payer = unique('CUTCHUNK');
    const bytes = bigRemit(payer, 1500);
    async function* breaking() {
      yield* arriving(bytes.subarray(0, 5 * CHUNK));
      throw new Error('the client went away');
    }
    await expect(ingest835(actor, { filename: 'cut.835', source: breaking() }, { chunkBytes: CHUNK })).rejects.toThrow('the client went away');
    expect(await nothingOf(payer, sha256Hex(bytes))).toEqual({ files: 0, orphanChunks: 0, claims: 0, payers: 0 });
  });

  it('refuses an empty stream with a clear message and writes nothing', async () => {
    const before = await count('remittance_file');
    await expect(ingest835(actor, { filename: 'empty.835', source: arriving(new Uint8Array(0)) })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('empty') });
    expect(await count('remittance_file')).toBe(before);
  });
});
