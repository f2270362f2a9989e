// 835 inputs: the real fixtures mutated as segments, elements and separators (and then as bytes), and files
// generated from a small grammar of the 835 (envelope, payment, payer/payee, claims with adjustments, service
// lines, remarks), mostly valid so the cases reach deep into the reader rather than stop at the ISA.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { asBytes, fieldText, mutateBytes, mutateList, NASTY_VALUES } from './mutate';
import type { Rng } from './prng';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/x12-835');

function readSamples(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.835'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'latin1'));
}

const ALL = [...readSamples(FIXTURES), ...readSamples(path.join(FIXTURES, 'off-guide'))];
/** The 80 KB and 430 KB fixtures make a case 10–100× slower than the others: used, but rarely. */
const SMALL = ALL.filter((s) => s.length < 50_000);
const LARGE = ALL.filter((s) => s.length >= 50_000);
export const X12_SAMPLES: readonly Uint8Array[] = ALL.map((s) => Buffer.from(s, 'latin1'));

interface Delimiters {
  element: string;
  component: string;
  segment: string;
}

function delimitersOf(text: string): Delimiters {
  const isa = text.indexOf('ISA');
  if (isa >= 0 && text.length >= isa + 106) return { element: text[isa + 3]!, component: text[isa + 104]!, segment: text[isa + 105]! };
  return { element: '*', component: ':', segment: '~' };
}

const pad = (value: string, width: number) => value.padEnd(width).slice(0, width);
const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.below(10)).join('');
const amount = (rng: Rng) => (rng.chance(0.05) ? rng.pick(NASTY_VALUES) : `${rng.int(0, rng.chance(0.1) ? 99_999_999 : 5000)}${rng.chance(0.7) ? `.${digits(rng, 2)}` : ''}`);
const date8 = (rng: Rng) => (rng.chance(0.05) ? rng.pick(NASTY_VALUES) : `20${rng.int(0, 30).toString().padStart(2, '0')}${rng.int(1, 12).toString().padStart(2, '0')}${rng.int(1, 28).toString().padStart(2, '0')}`);
const CARCS = ['1', '2', '3', '16', '18', '29', '45', '50', '96', '97', '109', '197', '204', '242', 'A1', 'B7', 'N1', '999'];
const GROUPS = ['CO', 'PR', 'OA', 'PI', 'CR', 'XX'];
const RARCS = ['M15', 'N115', 'N130', 'MA130', 'N362', 'M127', 'ZZ9'];
const NAMES = ['ACME HEALTH', 'RUSHMORE LIFE', 'BLUE PLAN', 'MEDICARE PART A', "O'BRIEN & SONS", 'JOSÉ NUÑEZ'];

/** One 835 from the grammar, as segments (elements joined by '*'). */
function generatedSegments(rng: Rng): string[][] {
  const version = rng.chance(0.85) ? '00501' : '00401';
  const control = digits(rng, 9);
  const isa = ['ISA', '00', pad('', 10), '00', pad('', 10), 'ZZ', pad(digits(rng, 9), 15), 'ZZ', pad('RECEIVER', 15), '261207', '1200', version === '00501' ? '^' : 'U', version, control, '0', rng.pick(['P', 'T']), ':'];
  const segs: string[][] = [isa, ['GS', 'HP', 'SENDER', 'RECEIVER', '20261207', '1200', '1', 'X', version === '00501' ? '005010X221A1' : '004010X091A1']];
  const transactions = rng.small(4) || 1;
  for (let t = 0; t < transactions; t++) {
    const st = segs.length;
    segs.push(['ST', '835', digits(rng, 4)]);
    segs.push(['BPR', rng.pick(['I', 'H', 'X', 'C']), amount(rng), rng.pick(['C', 'D']), rng.pick(['ACH', 'CHK', 'NON', 'FWT', 'BOP']), 'CCP', '01', digits(rng, 9), 'DA', digits(rng, 8), digits(rng, 10), '', '01', digits(rng, 9), 'DA', digits(rng, 6), date8(rng)]);
    segs.push(['TRN', '1', digits(rng, 10), `1${digits(rng, 9)}`]);
    if (rng.chance(0.5)) segs.push(['DTM', '405', date8(rng)]);
    segs.push(['N1', 'PR', fieldText(rng, NAMES), ...(rng.chance(0.5) ? ['XV', digits(rng, 5)] : [])]);
    if (rng.chance(0.5)) segs.push(['N3', '10 SOUTH AVENUE'], ['N4', 'RAPID CITY', 'SD', digits(rng, 5)]);
    segs.push(['N1', 'PE', fieldText(rng, NAMES), 'XX', digits(rng, 10)]);
    const claims = rng.small(12);
    for (let c = 0; c < claims; c++) {
      if (c === 0 || rng.chance(0.2)) segs.push(['LX', String(c + 1)]);
      const billed = amount(rng);
      segs.push(['CLP', `PCN${digits(rng, 6)}`, rng.pick(['1', '2', '3', '4', '19', '22', '25']), billed, amount(rng), rng.chance(0.5) ? amount(rng) : '', rng.pick(['12', 'MC', 'HM', 'CI']), digits(rng, 14), rng.pick(['11', '13', '21']), '1']);
      for (let k = rng.small(3); k > 0; k--) segs.push(['CAS', rng.pick(GROUPS), ...Array.from({ length: 3 * (rng.small(6) || 1) }, (_, i) => (i % 3 === 0 ? rng.pick(CARCS) : i % 3 === 1 ? amount(rng) : rng.chance(0.3) ? '1' : ''))]);
      segs.push(['NM1', 'QC', '1', fieldText(rng, ['DOE', 'BUDD', 'SETTLE']), fieldText(rng, ['JANE', 'WILLIAM']), '', '', '', 'MI', digits(rng, 11)]);
      if (rng.chance(0.3)) segs.push(['MOA', '', '', rng.pick(RARCS), rng.pick(RARCS)]);
      if (rng.chance(0.5)) segs.push(['DTM', rng.pick(['232', '233', '050']), date8(rng)]);
      for (let l = rng.small(4); l > 0; l--) {
        segs.push(['SVC', `${rng.pick(['HC', 'AD', 'NU', 'N4', 'ZZ'])}:${rng.pick(['99213', '97110', 'D0120', '0450', '12345678901'])}${rng.chance(0.3) ? ':25:59' : ''}`, amount(rng), amount(rng), '', String(rng.int(0, 99))]);
        segs.push(['DTM', rng.pick(['472', '150', '151']), date8(rng)]);
        for (let k = rng.small(3); k > 0; k--) segs.push(['CAS', rng.pick(GROUPS), rng.pick(CARCS), amount(rng)]);
        if (rng.chance(0.3)) segs.push(['REF', '6R', digits(rng, 6)]);
        if (rng.chance(0.3)) segs.push(['AMT', 'B6', amount(rng)]);
        if (rng.chance(0.3)) segs.push(['LQ', rng.pick(['HE', 'RX']), rng.pick(RARCS)]);
      }
    }
    if (rng.chance(0.2)) segs.push(['PLB', digits(rng, 10), `${date8(rng)}`, `WO:${digits(rng, 8)}`, amount(rng)]);
    segs.push(['SE', String(segs.length - st + 1), segs[st]![2]!]);
  }
  segs.push(['GE', String(transactions), '1'], ['IEA', '1', control]);
  return segs;
}

const splitCache = new Map<string, string[][]>();

/** A sample's segments, split once per sample (callers copy what they change). */
function split(text: string, d: Delimiters): string[][] {
  let segs = splitCache.get(text);
  if (!segs) {
    segs = splitText(text, d);
    splitCache.set(text, segs);
  }
  return segs;
}

function splitText(text: string, d: Delimiters): string[][] {
  return text
    .split(d.segment)
    .filter((s) => s.trim() !== '')
    .map((s) => s.replace(/^\s+/, '').split(d.element));
}

const SEPARATORS = ['*', '|', '^', '~', ':', '>', '\n', '!', '+', ',', '\t', '\u00e9'];

/** Segments → text, with the ISA's own separator fields set to the ones used (unless a case breaks that). */
function join(segs: string[][], d: Delimiters, lineBreak: string): string {
  return segs.map((s) => s.join(d.element)).join(d.segment + lineBreak) + d.segment;
}

function mutateSegments(rng: Rng, segs: string[][]): string[][] {
  if (segs.length === 0) return segs;
  const out = segs.slice();
  const i = rng.below(out.length);
  const seg = (out[i] = out[i]!.slice());
  const at = 1 + rng.below(Math.max(1, seg.length - 1));
  switch (rng.below(7)) {
    case 0:
      return mutateList(rng, out, () => rng.pick(out).slice());
    case 1:
      seg[at] = rng.pick(NASTY_VALUES);
      break;
    case 2:
      seg.splice(at, 1);
      break;
    case 3:
      seg.splice(at, 0, ...Array.from({ length: rng.small(40) }, () => seg[at] ?? ''));
      break;
    case 4:
      seg[0] = rng.pick(['ISA', 'IEA', 'GS', 'GE', 'ST', 'SE', 'BPR', 'TRN', 'CLP', 'SVC', 'CAS', 'LX', 'N1', 'PLB', 'isa', 'clp', 'ZZZ', '', 'S', 'ABCD']);
      break;
    case 5:
      seg[at] = (seg[at] ?? '').toLowerCase() + (rng.chance(0.5) ? ' ' : '');
      break;
    default:
      seg[at] = rng.pick(NASTY_VALUES).repeat(rng.small(50) || 1);
  }
  return out;
}

/** The ISA's fixed-width fields at the wrong width, another version or repetition separator, or repeated. */
function isaVariant(rng: Rng, segs: string[][]): void {
  const at = segs.findIndex((s) => s[0] === 'ISA');
  if (at < 0) return;
  const isa = (segs[at] = segs[at]!.slice());
  const field = rng.int(1, 16);
  isa[field] = rng.pick([
    (isa[field] ?? '').trim(),
    `${isa[field] ?? ''} `,
    rng.pick(['00401', '00501', '00200', '99999', '']),
    rng.pick(['^', 'U', '*', ':', '~']),
    rng.pick(NASTY_VALUES),
  ]);
}

export function x12Input(rng: Rng): Uint8Array {
  const generated = rng.chance(0.35);
  const base = generated ? '' : rng.chance(0.003) && LARGE.length ? rng.pick(LARGE) : rng.pick(SMALL);
  const d = generated ? { element: '*', component: ':', segment: '~' } : delimitersOf(base);
  let segs = generated ? generatedSegments(rng) : split(base, d).slice();
  for (let k = rng.small(6); k > 0; k--) segs = mutateSegments(rng, segs);
  if (rng.chance(0.2)) isaVariant(rng, segs);
  let out = d;
  if (rng.chance(0.15)) {
    // separators swapped: consistently (a valid file with other separators), or only where the ISA declares them
    out = { element: rng.pick(SEPARATORS), component: rng.pick(SEPARATORS), segment: rng.pick(SEPARATORS) };
    const at = segs.findIndex((s) => s[0] === 'ISA');
    if (at >= 0 && rng.chance(0.8)) segs[at] = [...segs[at]!.slice(0, 16), out.component, ...segs[at]!.slice(17)];
  }
  let text = join(segs, out, rng.pick(['', '', '', '\n', '\r\n', '\r', '  \n']));
  if (rng.chance(0.05)) text = rng.pick(['\ufeff', ' ', '\n', 'xx']) + text;
  if (rng.chance(0.05)) text = text + text; // two interchanges
  let bytes: Uint8Array = rng.chance(0.9) ? Buffer.from(text, 'latin1') : asBytes(text);
  for (let k = rng.chance(0.5) ? rng.small(8) : 0; k > 0; k--) bytes = mutateBytes(rng, bytes, X12_SAMPLES);
  return bytes;
}
