// The reader decodes byte chunks one-shot (fast) and holds back a cut character itself: its text must be exactly
// what TextDecoder makes of the same bytes in one piece, however they are chunked, valid UTF-8 or not. (The
// reference is one-shot, not Node's streaming TextDecoder: fed [EF] then [EF BB BF], that one drops the U+FEFF
// although U+FFFD came first — the Encoding standard strips a BOM only at the very start.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeLength, Utf8Chunks } from '@/lib/domain/x12/utf8';
import { asciiText } from '@/lib/node/ascii-text';

function wholly(chunks: Uint8Array[]): string {
  const bytes = new Uint8Array(chunks.reduce((n, chunk) => n + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return new TextDecoder('utf-8').decode(bytes);
}

function chunked(chunks: Uint8Array[]): string {
  const decoder = new Utf8Chunks();
  return chunks.map((chunk) => decoder.decode(chunk)).join('') + decoder.end();
}

function cut(bytes: Uint8Array, sizes: number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= bytes.length) break;
    chunks.push(bytes.subarray(at, Math.min(bytes.length, at + size)));
    at += size;
  }
  if (at < bytes.length) chunks.push(bytes.subarray(at));
  return chunks;
}

/** Bytes biased towards UTF-8 structure: ASCII, lead bytes of every length, continuations, invalid bytes. */
const utf8ish = fc.array(
  fc.oneof(fc.integer({ min: 0, max: 0x7f }), fc.integer({ min: 0x80, max: 0xbf }), fc.integer({ min: 0xc0, max: 0xff }), fc.constantFrom(0xef, 0xbb, 0xbf)),
  { maxLength: 64 },
);

describe('Utf8Chunks', () => {
  it('holds back only a character cut at the end', () => {
    const euro = [0xe2, 0x82, 0xac];
    expect(completeLength(new Uint8Array([0x41, ...euro]))).toBe(4);
    expect(completeLength(new Uint8Array([0x41, ...euro.slice(0, 2)]))).toBe(1);
    expect(completeLength(new Uint8Array([0x41, 0xf0, 0x9f, 0x98]))).toBe(1);
    expect(completeLength(new Uint8Array([0xf0, 0x9f, 0x98, 0x80]))).toBe(4);
    expect(completeLength(new Uint8Array([0x80, 0x80, 0x80, 0x80]))).toBe(4);
  });

  it('drops a byte order mark only at the very start, even when it arrives a byte at a time', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xef, 0xbb, 0xbf]);
    expect(chunked(cut(bytes, [1, 1, 1, 1, 1, 1, 1]))).toBe('A\uFEFF');
  });

  it('decodes any bytes, cut anywhere, exactly as TextDecoder decodes them in one piece', () => {
    fc.assert(
      fc.property(utf8ish, fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 20 }), (values, sizes) => {
        const chunks = cut(new Uint8Array(values), sizes);
        expect(chunked(chunks)).toBe(wholly(chunks));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['without', null],
    ['with', asciiText],
  ])('%s the ASCII shortcut, gives the same text, and bytes only where each byte is its character\'s code', (_, shortcut) => {
    fc.assert(
      fc.property(utf8ish, fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 20 }), (values, sizes) => {
        const chunks = cut(new Uint8Array(values), sizes);
        const decoder = new Utf8Chunks(shortcut);
        let text = '';
        for (const chunk of chunks) {
          const piece = decoder.decode(chunk);
          if (decoder.ascii !== null) expect(Array.from(decoder.ascii)).toEqual(Array.from({ length: piece.length }, (_, i) => piece.charCodeAt(i)));
          text += piece;
        }
        expect(text + decoder.end()).toBe(wholly(chunks));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('asciiText (Node)', () => {
  it('copies ASCII bytes as their text and refuses anything else', () => {
    expect(asciiText(new TextEncoder().encode('CLP*1*2~'))).toBe('CLP*1*2~');
    expect(asciiText(new Uint8Array(0))).toBe('');
    expect(asciiText(new TextEncoder().encode('JOSÉ'))).toBeNull();
    expect(asciiText(new Uint8Array([0x41, 0xff]))).toBeNull();
  });
});
