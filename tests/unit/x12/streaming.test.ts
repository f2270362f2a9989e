// The incremental reader must give exactly what a whole-text read gives, however the input is cut into chunks.
import { describe, expect, it } from 'vitest';
import { parse835, read835, Remit835Reader, type Claim, type ReadResult, type Remit835Event, type Transaction } from '@/lib/domain/x12';
import { asciiText } from '@/lib/node/ascii-text';
import { claimsOf, FIXTURE_NAMES, fixture, fixtureBytes, okFile } from './helpers';

function readInChunks(text: string, size: number): ReadResult {
  const reader = new Remit835Reader({ retainClaims: true });
  for (let at = 0; at < text.length; at += size) reader.push(text.slice(at, at + size));
  return reader.end();
}

function readBytesInChunks(bytes: Uint8Array, size: number, options: { asciiText?: typeof asciiText } = {}): ReadResult {
  const reader = new Remit835Reader({ retainClaims: true, ...options });
  for (let at = 0; at < bytes.length; at += size) reader.push(bytes.subarray(at, at + size));
  return reader.end();
}

const SMALL = FIXTURE_NAMES.filter((name) => !name.startsWith('oopfactory'));

describe('chunked input', () => {
  it.each(SMALL)('reads %s fed in chunks of every size from 1 to its length exactly as the whole text', (name) => {
    const text = fixture(name);
    const whole = JSON.stringify(parse835(text));
    for (let size = 1; size <= text.length; size++) {
      const chunked = JSON.stringify(readInChunks(text, size));
      if (chunked !== whole) expect.fail(`chunks of ${size} characters read differently`);
    }
  });

  it('reads a large CRLF-indented fixture fed in chunks of 1..100 characters and of a few larger sizes exactly as whole', () => {
    const text = fixture('oopfactory-835_DeIdent_01.835');
    const whole = JSON.stringify(parse835(text));
    const sizes = [...Array.from({ length: 100 }, (_, i) => i + 1), 127, 255, 1023, 4096, 65_536, text.length - 1];
    for (const size of sizes) {
      if (JSON.stringify(readInChunks(text, size)) !== whole) expect.fail(`chunks of ${size} characters read differently`);
    }
  });

  it('reads UTF-8 bytes in chunks of every size, even when a chunk ends inside a multi-byte character', () => {
    const text = fixture('linuxforhealth-managed-care.835').replace('BUDD*WILLIAM', 'BÜDD*JOSÉ€');
    const bytes = new TextEncoder().encode(text);
    const whole = JSON.stringify(parse835(text));
    expect(claimsOf(okFile(parse835(text)))[0]!.patient).toMatchObject({ last: 'BÜDD', first: 'JOSÉ€' });
    for (let size = 1; size <= 64; size++) {
      if (JSON.stringify(readBytesInChunks(bytes, size)) !== whole) expect.fail(`byte chunks of ${size} read differently`);
    }
  });

  it.each(SMALL)('reads %s as ASCII bytes in chunks of 1..200 bytes and a few larger sizes exactly as the whole text, with or without the ASCII shortcut', (name) => {
    const text = fixture(name);
    const bytes = fixtureBytes(name);
    const whole = JSON.stringify(parse835(text));
    const sizes = [...Array.from({ length: 200 }, (_, i) => i + 1), 509, 1024, 4093, bytes.length - 1, bytes.length];
    for (const size of sizes) {
      if (JSON.stringify(readBytesInChunks(bytes, size)) !== whole) expect.fail(`byte chunks of ${size} read differently`);
      if (JSON.stringify(readBytesInChunks(bytes, size, { asciiText })) !== whole) expect.fail(`byte chunks of ${size} read differently with asciiText`);
    }
  });

  it('follows a second interchange that declares other delimiters, wherever the chunks cut it', () => {
    const first = fixture('linuxforhealth-medicare-part-a.835');
    const second = fixture('linuxforhealth-secondary-payment.835');
    expect(second).not.toMatch(/[|']/);
    // Same content, element separator '|' and segment terminator "'" (ISA16 stays ':').
    const text = `${first}\n${second.replaceAll('*', '|').replaceAll('~', "'")}`;
    const result = parse835(text);
    expect(okFile(result).interchanges).toHaveLength(2);
    expect(claimsOf(okFile(result)).length).toBe(claimsOf(okFile(parse835(first))).length + claimsOf(okFile(parse835(second))).length);
    const whole = JSON.stringify(result);
    const bytes = new TextEncoder().encode(text);
    for (let size = 1; size <= 300; size++) {
      if (JSON.stringify(readBytesInChunks(bytes, size, { asciiText })) !== whole) expect.fail(`byte chunks of ${size} read differently`);
      if (JSON.stringify(readInChunks(text, size)) !== whole) expect.fail(`text chunks of ${size} read differently`);
    }
  });

  it('ends a segment at a terminator that closes one chunk when its newline opens the next', () => {
    const text = fixture('linuxforhealth-medicare-part-a.835');
    const cut = text.indexOf('~\n', text.indexOf('CLP*666123')) + 1;
    expect(text[cut - 1]).toBe('~');
    expect(text[cut]).toBe('\n');
    const reader = new Remit835Reader({ retainClaims: true });
    reader.push(text.slice(0, cut));
    reader.push(text.slice(cut));
    expect(JSON.stringify(reader.end())).toBe(JSON.stringify(parse835(text)));
  });

  it('splits CRLF line ends and indentation across chunks without changing the result', () => {
    const text = fixture('oopfactory-835_DeIdent_01.835');
    const at = text.indexOf('~\r\n', 5000);
    const reader = new Remit835Reader({ retainClaims: true });
    for (const piece of [text.slice(0, at + 2), text.slice(at + 2, at + 5), text.slice(at + 5)]) reader.push(piece);
    expect(JSON.stringify(reader.end())).toBe(JSON.stringify(parse835(text)));
  });

  it('drops a UTF-8 byte order mark given as bytes or as text', () => {
    const text = fixture('linuxforhealth-managed-care.835');
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...fixtureBytes('linuxforhealth-managed-care.835')]);
    const plain = JSON.stringify(parse835(text).file);
    expect(JSON.stringify(parse835(bytes).file)).toBe(plain);
    expect(JSON.stringify(parse835(`\uFEFF${text}`).file)).toBe(plain);
    expect(JSON.stringify(readBytesInChunks(bytes, 2).file)).toBe(plain);
  });
});

describe('streaming output', () => {
  it('hands every claim to onClaim in file order without keeping them, with its transaction header read', () => {
    const text = fixture('oopfactory-835_DeIdent_02.835');
    const seen: Claim[] = [];
    const payers = new Set<string>();
    const ended: Transaction[] = [];
    const reader = new Remit835Reader({
      onClaim: (claim, transaction) => {
        seen.push(claim);
        payers.add(transaction.payer!.name);
        expect(transaction.payment).not.toBeNull();
      },
      onTransaction: (transaction) => ended.push(transaction),
    });
    for (let at = 0; at < text.length; at += 65_536) reader.push(text.slice(at, at + 65_536));
    const result = reader.end();
    const whole = claimsOf(okFile(parse835(text)));
    expect(seen.map((c) => c.segmentIndex)).toEqual(whole.map((c) => c.segmentIndex));
    expect(JSON.stringify(seen)).toBe(JSON.stringify(whole));
    expect(claimsOf(okFile(result))).toEqual([]);
    expect(ended.map((t) => t.claimCount)).toEqual([1, 162, 2, 2, 196, 12]);
    expect(payers).toEqual(new Set(['XXX - XXX X9 XXXX X']));
    expect(result.stats).toMatchObject({ transactions: 6, claims: 375 });
  });

  it('yields claim, transaction and end events from an async iterable of chunks', async () => {
    async function* chunks() {
      const bytes = fixtureBytes('edi835parser-emedny_sample.835');
      for (let at = 0; at < bytes.length; at += 100) yield bytes.subarray(at, at + 100);
    }
    const events: Remit835Event[] = [];
    for await (const event of read835(chunks())) events.push(event);
    expect(events.map((e) => e.type)).toEqual(['claim', 'claim', 'claim', 'transaction', 'end']);
    expect(events[0]!.type === 'claim' && events[0]!.interchange.controlNumber).toBe('006000600');
    const end = events.at(-1)!;
    expect(end.type === 'end' && end.result.ok).toBe(true);
  });

  it('stops at the first error: later chunks are ignored and end() returns that error', () => {
    const reader = new Remit835Reader();
    expect(reader.push('ISA*00*')).toBe(true);
    expect(reader.push('x'.repeat(600))).toBe(false);
    expect(reader.push(fixture('linuxforhealth-managed-care.835'))).toBe(false);
    const result = reader.end();
    expect(result.ok).toBe(false);
    expect(reader.error).toMatchObject({ code: 'envelope', segmentIndex: 1 });
  });
});
