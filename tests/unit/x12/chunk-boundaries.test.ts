// A stored file comes back as chunks cut at arbitrary bytes (lib/server/remits/file-chunks.ts): wherever the
// cut falls — inside the ISA, between its separators, on a segment terminator or just after it, inside a
// multi-byte character — the read must be the whole file's read, and an error must be reported at the same place
// with the same words.
import { describe, expect, it } from 'vitest';
import { parse835, read835, Remit835Reader, type ReadResult } from '@/lib/domain/x12';
import { asciiText } from '@/lib/node/ascii-text';
import { fixtureBytes } from './helpers';

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function readPieces(pieces: Uint8Array[]): ReadResult {
  const reader = new Remit835Reader({ retainClaims: true, asciiText });
  for (const piece of pieces) if (!reader.push(piece)) break;
  return reader.end();
}

/** Every way of cutting `bytes` in two, each read compared with the whole read (as JSON: every field, every issue). */
function expectEveryCutReadsAsWhole(bytes: Uint8Array): ReadResult {
  const whole = parse835(decode(bytes));
  const expected = JSON.stringify(whole);
  for (let cut = 1; cut < bytes.length; cut++) {
    const read = JSON.stringify(readPieces([bytes.subarray(0, cut), bytes.subarray(cut)]));
    if (read !== expected) expect.fail(`cut at byte ${cut} (${JSON.stringify(decode(bytes.subarray(Math.max(0, cut - 8), cut + 8)))}) read differently`);
  }
  return whole;
}

const sample = fixtureBytes('linuxforhealth-managed-care.835');
const text = decode(sample);

describe('a file cut in two at every byte', () => {
  it('reads a sample exactly as whole wherever the cut falls', () => {
    expect(expectEveryCutReadsAsWhole(sample).ok).toBe(true);
  });

  it('reads the same with CRLF line ends and a multi-byte name, cut inside the pair and inside the character', () => {
    const bytes = encode(text.replaceAll('~\n', '~\r\n').replace(/NM1\*QC\*1\*([A-Z]+)/, 'NM1*QC*1*BÜ€DD'));
    const whole = expectEveryCutReadsAsWhole(bytes);
    expect(JSON.stringify(whole.file)).toContain('BÜ€DD');
  });

  it('reads the ISA cut at every pair of places inside it (its separators, ISA16 and the terminator apart)', () => {
    const expected = JSON.stringify(parse835(text));
    const isaEnd = text.indexOf('~') + 2; // past the terminator and the newline after it
    expect(isaEnd).toBeGreaterThan(100);
    for (let a = 1; a < isaEnd; a++) {
      for (let b = a + 1; b <= isaEnd; b++) {
        const read = JSON.stringify(readPieces([sample.subarray(0, a), sample.subarray(a, b), sample.subarray(b)]));
        if (read !== expected) expect.fail(`ISA cut at ${a} and ${b} read differently`);
      }
    }
  });

  it.each([
    ['a bad amount', text.replace(/CLP\*([^*]+)\*([^*]+)\*([^*]+)\*/, 'CLP*$1*$2*12.3.4*'), 'value'],
    ['a segment with no id', text.replace(/\nCAS\*/, '\n**'), 'not-x12'],
    ['a file cut inside a segment', text.slice(0, text.indexOf('CLP*', 600) + 9), 'truncated'],
    ['an ISA whose terminator is a letter', text.replace(/\*:~/, '*:A'), 'envelope'],
  ] as const)('reports %s at the same segment and element with the same message wherever the cut falls', (_name, broken, code) => {
    const whole = expectEveryCutReadsAsWhole(encode(broken));
    expect(whole.ok).toBe(false);
    if (!whole.ok) expect(whole.error.code).toBe(code);
  });
});

describe('a file read as a stream of stored chunks', () => {
  async function* chunksOf(bytes: Uint8Array, size: number) {
    for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
  }

  it('gives the same claims, transactions and result through read835 for chunks of any size', async () => {
    const whole = parse835(text);
    for (const size of [1, 2, 3, 7, 64, 105, 106, 107, 1000, sample.length]) {
      let claims = 0;
      let transactions = 0;
      let result: ReadResult | null = null;
      for await (const event of read835(chunksOf(sample, size), { asciiText })) {
        if (event.type === 'claim') claims++;
        else if (event.type === 'transaction') transactions++;
        else result = event.result;
      }
      expect(result?.ok).toBe(true);
      expect({ claims, transactions }).toEqual({ claims: whole.stats.claims, transactions: whole.stats.transactions });
      expect(JSON.stringify(result!.warnings)).toBe(JSON.stringify(whole.warnings));
      expect(result!.stats).toEqual(whole.stats);
    }
  });
});
