// A malformed corpus made by editing a good file: every failure is a positioned error (segment index, id,
// element, expected vs found), never an exception and never a hang; data problems that keep money intact are warnings.
import { describe, expect, it } from 'vitest';
import { parse835 } from '@/lib/domain/x12';
import { errorOf, fixture, okFile, warningCodes } from './helpers';

// Segments: 1 ISA, 2 GS, 3 ST, 4 BPR, 5 TRN, 6 DTM, 7 N1*PR, 8 N3, 9 N4, 10 REF, 11 N1*PE, 12 LX, 13 TS3, 14 TS2,
// 15 CLP, 16 CAS, 17 NM1, 18 MIA, 19 DTM, 20 DTM, 21 QTY, 22 LX, 23 TS3, 24 CLP, 25 CAS, 26 NM1, 27 MOA, 28 DTM,
// 29 PLB, 30 SE, 31 GE, 32 IEA — one per line.
const GOOD = fixture('linuxforhealth-medicare-part-a.835');
// Segments: ... 12 LX, 13 CLP, 14 CAS, 15 NM1, 16 SVC, 17 DTM, 18 DTM, 19 CAS, 20 CLP ...
const WITH_LINES = fixture('linuxforhealth-managed-care.835');

function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`test setup: ${from} not in the file`);
  return text.replace(from, to);
}

function lines(text: string): string[] {
  return text.split('\n');
}

describe('a file that is not a usable 835 is refused with a positioned error', () => {
  it('refuses an empty file', () => {
    expect(errorOf(parse835(''))).toMatchObject({ code: 'empty', segmentIndex: null, message: 'file: the file is empty' });
  });

  it('refuses a file of only whitespace and byte order marks as empty', () => {
    expect(errorOf(parse835('\uFEFF \r\n\t\n')).code).toBe('empty');
  });

  it('refuses binary junk at segment 1', () => {
    const junk = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    const error = errorOf(parse835(junk));
    expect(error).toMatchObject({ code: 'not-x12', segmentIndex: 1, expected: 'an X12 835 starting with ISA' });
    expect(error.message).toMatch(/^segment 1: expected an X12 835 starting with ISA, found /);
  });

  it('counts the segments read up to the one it stopped on, as text and as bytes', () => {
    const bad = edit(GOOD, 'CLP*', 'CLP*X*1*12X.00*0**MA*1*11~\nCLP*');
    for (const input of [bad, new TextEncoder().encode(bad)]) {
      const result = parse835(input);
      expect(errorOf(result)).toMatchObject({ segmentIndex: 15, segmentId: 'CLP', element: 3 });
      expect(result.stats.segments).toBe(15);
    }
  });

  it('refuses an ISA with fewer than 16 elements', () => {
    const error = errorOf(parse835('ISA*00*          *00*          *30*9876543210'));
    expect(error).toMatchObject({ code: 'envelope', segmentIndex: 1, segmentId: 'ISA' });
  });

  it('refuses an ISA whose character after ISA16 cannot be a segment terminator', () => {
    const error = errorOf(parse835(edit(GOOD, '*:~\nGS', '*:GS')));
    expect(error).toMatchObject({ code: 'envelope', segmentIndex: 1, segmentId: 'ISA', element: 16, found: 'G' });
  });

  it('refuses a body written with other delimiters than the ISA declares', () => {
    const [isa, ...rest] = lines(GOOD);
    const error = errorOf(parse835([isa, ...rest.map((line) => line.replaceAll('*', '|'))].join('\n')));
    expect(error).toMatchObject({ code: 'not-x12', segmentIndex: 2 });
    expect(error.message).toBe('segment 2: expected a segment id (2–3 capitals and digits) then an element separator, found "GS|HP|000000005|54321|20"');
  });

  it('refuses a lower-case segment id', () => {
    expect(errorOf(parse835(edit(GOOD, 'CLP*666123', 'clp*666123')))).toMatchObject({ code: 'not-x12', segmentIndex: 15 });
  });

  it('refuses a transaction set other than 835', () => {
    expect(errorOf(parse835(edit(GOOD, 'ST*835*1234', 'ST*837*1234')))).toMatchObject({
      code: 'envelope', segmentIndex: 3, segmentId: 'ST', element: 1, expected: 'transaction set 835', found: '837',
    });
  });
});

describe('a file cut short is refused, naming where it stops', () => {
  it('names the segment a file ends inside of', () => {
    const cut = GOOD.slice(0, GOOD.indexOf('CLP*666123') + 'CLP*666123*1*2113'.length);
    expect(errorOf(parse835(cut))).toMatchObject({ code: 'truncated', segmentIndex: 15, segmentId: 'CLP' });
  });

  it('names the missing SE when the file ends inside a transaction', () => {
    const cut = GOOD.slice(0, GOOD.indexOf('PLB*'));
    expect(errorOf(parse835(cut))).toMatchObject({
      code: 'truncated', segmentIndex: 29, message: 'segment 29: expected SE before the end of the file, found the end of the file',
    });
  });

  it('names the missing IEA when the file ends after GE', () => {
    expect(errorOf(parse835(GOOD.slice(0, GOOD.indexOf('IEA*'))))).toMatchObject({ code: 'truncated', segmentIndex: 32, expected: 'IEA' });
  });

  it('refuses a file cut inside its IEA, but accepts a complete IEA whose only fault is a missing final terminator', () => {
    expect(errorOf(parse835(GOOD.trimEnd().slice(0, -3)))).toMatchObject({ code: 'truncated', segmentIndex: 32, segmentId: 'IEA' });
    const result = parse835(GOOD.trimEnd().slice(0, -1));
    okFile(result);
    expect(result.warnings[0]!.message).toBe('segment 32 (IEA): the file ends without a segment terminator after its last segment');
  });

  it('refuses a GE inside an open transaction (SE missing)', () => {
    const error = errorOf(parse835(edit(GOOD, 'SE*28*1234~\n', '')));
    expect(error).toMatchObject({ code: 'structure', segmentIndex: 30, segmentId: 'GE', message: 'segment 30 (GE): expected SE, found GE inside a transaction' });
  });

  it('refuses an IEA while a group is open (GE missing)', () => {
    expect(errorOf(parse835(edit(GOOD, 'GE*1*1~\n', '')))).toMatchObject({ code: 'structure', segmentIndex: 31, segmentId: 'IEA', expected: 'ST or GE' });
  });

  it('refuses a second ISA before the first one is closed', () => {
    const twice = GOOD.slice(0, GOOD.indexOf('IEA*')) + GOOD;
    expect(errorOf(parse835(twice))).toMatchObject({ code: 'structure', segmentIndex: 32, segmentId: 'ISA' });
  });
});

describe('a value the TR3 requires in a form is checked where it is', () => {
  it.each(['12.3.4', '1e3', '12,00', '$5', '+5', 'ABC', '1.234'])('refuses CLP03 = %j as an amount, naming segment, element and value', (value) => {
    const error = errorOf(parse835(edit(GOOD, 'CLP*666123*1*211366.97', `CLP*666123*1*${value}`)));
    expect(error).toMatchObject({ code: 'value', segmentIndex: 15, segmentId: 'CLP', element: 3, expected: 'an amount', found: value });
    expect(error.message).toBe(`segment 15 (CLP), element 03: expected an amount, found ${JSON.stringify(value)}`);
  });

  it('refuses a missing required amount (CLP04), saying it found nothing', () => {
    expect(errorOf(parse835(edit(GOOD, 'CLP*666123*1*211366.97*138018.40', 'CLP*666123*1*211366.97*'))).message).toBe(
      'segment 15 (CLP), element 04: expected an amount, found nothing',
    );
  });

  it('refuses a BPR02 and a CAS amount that are not amounts', () => {
    expect(errorOf(parse835(edit(GOOD, 'BPR*C*150000.00', 'BPR*C*150,000.00')))).toMatchObject({ segmentIndex: 4, segmentId: 'BPR', element: 2 });
    expect(errorOf(parse835(edit(GOOD, 'CAS*CO*45*73348.57', 'CAS*CO*45*7334S.57')))).toMatchObject({ segmentIndex: 16, segmentId: 'CAS', element: 3 });
  });

  it('refuses a CAS amount that has no reason code', () => {
    expect(errorOf(parse835(edit(GOOD, 'CAS*CO*45*73348.57', 'CAS*CO**73348.57')))).toMatchObject({ segmentIndex: 16, element: 2, expected: 'an adjustment reason code' });
  });

  it('refuses an element longer than 1,000 characters', () => {
    const error = errorOf(parse835(edit(GOOD, 'NM1*QC*1*JONES', `NM1*QC*1*${'J'.repeat(1500)}`)));
    expect(error).toMatchObject({ code: 'too-long', segmentIndex: 17, segmentId: 'NM1', element: 3, found: '1500 characters' });
  });

  it('refuses a segment longer than 64 KiB', () => {
    const error = errorOf(parse835(edit(GOOD, 'REF*2U*999', `REF*2U*999${'*X'.repeat(40_000)}`)));
    expect(error).toMatchObject({ code: 'too-long', segmentIndex: 10 });
  });

  it('refuses text with no segment terminator within 64 KiB instead of buffering it', () => {
    const [isa] = lines(GOOD);
    expect(errorOf(parse835(`${isa}\nGS*${'X'.repeat(70_000)}`))).toMatchObject({ code: 'too-long', segmentIndex: 2 });
  });
});

describe('segments out of their loop are refused when they carry money or identity', () => {
  it('refuses a CAS before any CLP', () => {
    const error = errorOf(parse835(edit(GOOD, 'LX*110212~\n', 'LX*110212~\nCAS*CO*45*10~\n')));
    expect(error).toMatchObject({ code: 'structure', segmentIndex: 13, segmentId: 'CAS' });
    expect(error.message).toBe('segment 13 (CAS): expected a CLP (or SVC) before CAS, found CAS outside any claim');
  });

  it('refuses a CLP before ST', () => {
    const error = errorOf(parse835(edit(GOOD, 'ST*835*1234~\n', 'CLP*1*1*10*10~\nST*835*1234~\n')));
    expect(error).toMatchObject({ code: 'structure', segmentIndex: 3, segmentId: 'CLP', message: 'segment 3 (CLP): expected ST or GE, found CLP outside a transaction' });
  });

  it('refuses an SVC and an NM1 before any CLP', () => {
    expect(errorOf(parse835(edit(WITH_LINES, 'LX*1~\n', 'LX*1~\nSVC*HC:99211*1*1~\n')))).toMatchObject({ code: 'structure', segmentIndex: 13, segmentId: 'SVC' });
    expect(errorOf(parse835(edit(GOOD, 'LX*110212~\n', 'LX*110212~\nNM1*QC*1*X~\n')))).toMatchObject({ code: 'structure', segmentIndex: 13, segmentId: 'NM1' });
  });

  it('refuses an LQ outside a service line', () => {
    expect(errorOf(parse835(edit(GOOD, 'QTY*CA*8.00~\n', 'LQ*HE*N115~\n')))).toMatchObject({ code: 'structure', segmentIndex: 21, segmentId: 'LQ', expected: 'a CLP before LQ'.replace('CLP', 'SVC') });
  });

  it('refuses a transaction without BPR right after ST, and a second BPR', () => {
    expect(errorOf(parse835(edit(GOOD, 'BPR*C*150000.00*C*ACH*CTX*01*99999992*DA*123456*1512345678**01*999988880*DA*98765*20020913~\n', '')))).toMatchObject({
      code: 'structure', segmentIndex: 4, segmentId: 'TRN', message: 'segment 4 (TRN): expected BPR right after ST, found TRN',
    });
    expect(errorOf(parse835(edit(GOOD, 'TRN*1*12345', 'BPR*C*1*C~\nTRN*1*12345')))).toMatchObject({ code: 'structure', segmentIndex: 5, segmentId: 'BPR' });
  });

  it('refuses a claim after the PLB summary and an N1 after the claims', () => {
    expect(errorOf(parse835(edit(GOOD, 'SE*28*1234', 'CLP*9*1*1*1~\nSE*29*1234')))).toMatchObject({ code: 'structure', segmentIndex: 30, segmentId: 'CLP' });
    expect(errorOf(parse835(edit(GOOD, 'QTY*CA*8.00', 'N1*PR*LATE PAYER')))).toMatchObject({ code: 'structure', segmentIndex: 21, segmentId: 'N1' });
  });
});

describe('problems that leave the money readable are warnings with a position', () => {
  it('skips an unknown segment inside a transaction with one warning', () => {
    const result = parse835(edit(edit(GOOD, 'QTY*CA*8.00', 'ZZZ*2'), 'DTM*233*20020824', 'ZZZ*1'));
    okFile(result);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'unexpected-segment', segmentIndex: 20, segmentId: 'ZZZ' })]);
  });

  it('warns when SE01, GE01 or IEA01 miscount and when SE02, GE02 or IEA02 do not match their headers', () => {
    let text = edit(GOOD, 'SE*28*1234', 'SE*27*1235');
    text = edit(text, 'GE*1*1', 'GE*2*2');
    text = edit(text, 'IEA*1*000000907', 'IEA*3*000000908');
    const result = parse835(text);
    okFile(result);
    expect(result.warnings.map((w) => w.message)).toEqual([
      'segment 30 (SE), element 01: SE01 says "27" segments from ST to SE, 28 read',
      'segment 30 (SE), element 02: SE02 "1235" does not match ST02 "1234"',
      'segment 31 (GE), element 01: GE01 says "2" transaction sets (ST) in the group, 1 read',
      'segment 31 (GE), element 02: GE02 "2" does not match GS06 "1"',
      'segment 32 (IEA), element 01: IEA01 says "3" functional groups (GS) in the interchange, 1 read',
      'segment 32 (IEA), element 02: IEA02 "000000908" does not match ISA13 "000000907"',
    ]);
  });

  it('warns, at the BPR, when BPR02 ≠ Σ CLP04 − Σ PLB', () => {
    const result = parse835(edit(GOOD, 'BPR*C*150000.00', 'BPR*C*150000.01'));
    okFile(result);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'payment-imbalance', segmentIndex: 4, segmentId: 'BPR' })]);
    expect(result.warnings[0]!.message).toBe(
      'segment 4 (BPR): the payment does not balance: BPR02 = 150000.01 but Σ CLP04 − Σ PLB = 150000.00 (difference 0.01)',
    );
  });

  it('warns, at the CLP, when a claim does not balance, and still returns it', () => {
    const result = parse835(edit(GOOD, 'CAS*CO*45*73348.57', 'CAS*CO*45*73348.50'));
    expect(warningCodes(result)).toEqual(['claim-imbalance']);
    expect(result.warnings[0]).toMatchObject({ segmentIndex: 15, segmentId: 'CLP' });
    expect(okFile(result).interchanges[0]!.groups[0]!.transactions[0]!.claims[0]!.balance.differenceCents).toBe(7);
  });

  it('warns about an unknown claim status or adjustment group code but keeps the claim', () => {
    const result = parse835(edit(edit(GOOD, 'CLP*666123*1*', 'CLP*666123*9*'), 'CAS*CO*45*73348.57', 'CAS*XX*45*73348.57'));
    okFile(result);
    expect(result.warnings.map((w) => [w.segmentIndex, w.element, w.found])).toEqual([[15, 2, '9'], [16, 1, 'XX']]);
  });
});

describe('control characters inside elements', () => {
  it('refuses a NUL in a patient name with its position (PostgreSQL could not store it)', () => {
    const nm1 = lines(GOOD).find((l) => l.startsWith('NM1*QC*'))!;
    const [, , , last] = nm1.split('*');
    const error = errorOf(parse835(edit(GOOD, nm1, nm1.replace(`*${last}*`, `*${last}\u0000X*`))));
    expect(error).toMatchObject({ code: 'value', segmentIndex: 17, segmentId: 'NM1', element: 3, expected: 'text without control characters' });
  });

  it('refuses an escape sequence in a code', () => {
    expect(errorOf(parse835(edit(GOOD, 'CLP*', 'CLP*\u001b[31m')))).toMatchObject({ code: 'value', segmentId: 'CLP', element: 1 });
  });

  it('accepts control characters the file chose as its own separators', () => {
    // ISA16, the component separator, as 0x1F: "HC:99213" is written "HC\u001f99213".
    const isa = lines(GOOD)[0]!;
    const component = isa.slice(-2, -1);
    const text = GOOD.replace(isa, `${isa.slice(0, -2)}\u001f~`).replaceAll(`${component}`, (m, offset: number) => (offset < isa.length ? m : '\u001f'));
    expect(okFile(parse835(text))).toBeTruthy();
  });
});
