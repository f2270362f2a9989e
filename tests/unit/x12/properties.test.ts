// Properties over the real fixtures: whatever is done to them (cut, bytes changed, inserted, deleted, re-chunked)
// the reader returns data or a positioned error — it never throws. How long reads take is measured in
// bench/parse-adversarial.ts, not asserted here: a wall-time limit fails on a busy machine, not on a slow reader.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse835, Remit835Reader, type ReadResult } from '@/lib/domain/x12';
import { FIXTURE_NAMES, fixture, fixtureBytes, type FixtureName } from './helpers';

/** Either data, or an error that says where: "segment N (ID), element NN: ..." or "file: ..." for an empty one. */
function expectDataOrPositionedError(result: ReadResult): void {
  if (result.ok) {
    expect(result.file.interchanges.length).toBeGreaterThan(0);
    return;
  }
  const { error } = result;
  if (error.code === 'empty') {
    expect(error.segmentIndex).toBeNull();
    return;
  }
  expect(error.segmentIndex).toBeGreaterThan(0);
  expect(error.message).toMatch(/^segment \d+( \([A-Z][A-Z0-9]{1,2}\))?(, element \d{2})?: /);
  expect(error.message.startsWith(`segment ${error.segmentIndex}`)).toBe(true);
}

const RUNS: Record<FixtureName, number> = Object.fromEntries(
  FIXTURE_NAMES.map((name) => [name, name === 'oopfactory-835_DeIdent_02.835' ? 20 : name === 'oopfactory-835_DeIdent_01.835' ? 60 : 150]),
) as Record<FixtureName, number>;

// Hundreds of full reads per test: the limit only catches a hang, and is far above what a loaded machine takes.
describe('robustness on the real fixtures', { timeout: 60_000 }, () => {
  it.each(FIXTURE_NAMES)('never throws on %s cut at any point', (name) => {
    const text = fixture(name);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length }), (cut) => {
        expectDataOrPositionedError(parse835(text.slice(0, cut)));
      }),
      { numRuns: RUNS[name] },
    );
  });

  const edit = fc.record({
    kind: fc.constantFrom('replace', 'insert', 'delete'),
    at: fc.nat(),
    byte: fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...'*~:^|\n\r 0123456789.-'.split('').map((c) => c.charCodeAt(0)))),
  });

  it.each(FIXTURE_NAMES)('never throws on %s with random bytes replaced, inserted or deleted', (name) => {
    const original = fixtureBytes(name);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        let bytes = Array.from(original);
        for (const { kind, at, byte } of edits) {
          const position = at % (bytes.length + 1);
          if (kind === 'replace' && position < bytes.length) bytes[position] = byte;
          else if (kind === 'insert') bytes.splice(position, 0, byte);
          else bytes.splice(position, 1);
        }
        expectDataOrPositionedError(parse835(new Uint8Array(bytes)));
        bytes = [];
      }),
      { numRuns: RUNS[name] },
    );
  });

  it.each(FIXTURE_NAMES.filter((name) => !name.endsWith('DeIdent_02.835')))('reads %s cut into random chunks exactly as whole', (name) => {
    const text = fixture(name);
    const whole = JSON.stringify(parse835(text));
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: text.length - 1 }), { maxLength: 40 }), (cuts) => {
        const reader = new Remit835Reader({ retainClaims: true });
        let from = 0;
        for (const cut of [...cuts].sort((a, b) => a - b)) {
          reader.push(text.slice(from, cut));
          from = cut;
        }
        reader.push(text.slice(from));
        expect(JSON.stringify(reader.end())).toBe(whole);
      }),
      { numRuns: 50 },
    );
  });
});

describe('inputs that would make a careless reader quadratic are read to the end (their speed: bench/parse-adversarial.ts)', { timeout: 60_000 }, () => {
  const head = fixture('linuxforhealth-medicare-part-a.835').split('LX*110212~')[0]!;

  it('skips a megabyte of segments with no element separator left in the file', () => {
    const result = parse835(`${head}${'ZZZ~'.repeat(250_000)}`);
    expect(result).toMatchObject({ ok: false, error: { code: 'truncated', expected: 'SE' } });
  });

  it('reads 20,000 service lines whose procedures lack the component separator', () => {
    const claim = 'CLP*1*1*20000*20000~';
    const result = parse835(`${head}LX*1~${claim}${'SVC*HC99213*1*1~'.repeat(20_000)}`);
    expect(result.ok).toBe(false); // no SE: but only after reading every line
    expect(result.stats.segments).toBeGreaterThan(20_000);
  });

  it('refuses a segment that never ends after 64 KiB even when fed one character at a time', () => {
    const reader = new Remit835Reader();
    reader.push(head);
    let pushed = 0;
    while (pushed < 200_000 && reader.push('X')) pushed++;
    // The reader says stop (push returns false) soon after 64 KiB, not after all 200,000 characters.
    expect(pushed).toBeGreaterThanOrEqual(64 * 1024 - head.length);
    expect(pushed).toBeLessThan(200_000);
    expect(reader.end()).toMatchObject({ ok: false, error: { code: 'too-long' } });
  });
});
