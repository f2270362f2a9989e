// Small crafted inputs that show whether node-x12 reads what is there: a segment across a 64 KiB read boundary,
// a read chunk that ends exactly on a terminator (node-x12 then keeps its previous partial segment and prepends
// it again), a final chunk under 113 characters, and a UTF-8 byte order mark. Ours reads the same inputs.
import { createReadStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { X12Parser } from 'node-x12';
import { parseCents, Remit835Reader } from '../lib/domain/x12';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '.out');
const CHUNK = 64 * 1024; // fs.createReadStream's default highWaterMark

export interface CheckResult {
  check: string;
  expected: string;
  nodeX12: string;
  ours: string;
  nodeX12Correct: boolean;
  oursCorrect: boolean;
}

interface Count {
  claims: number;
  paidCents: number;
  /** Service lines (SVC) read: the segments after a corrupted one go missing. */
  lines: number;
  error?: string;
  /** The first segment with a line break inside an element: two segments run together. */
  corrupted?: string;
}

const HEAD = [
  'ISA*00*          *00*          *ZZ*OVERTURNPAYER  *ZZ*OVERTURNPROV   *240401*1200*^*00501*000000001*0*T*:',
  'GS*HP*OVERTURNPAYER*OVERTURNPROV*20240401*1200*1*X*005010X221A1',
];

function claimLines(n: number): string[] {
  return [`CLP*PCN${n}*1*100.00*80.00**12*PCC${n}*11*1`, `NM1*QC*1*DOE*JOHN****MI*M${n}`, 'SVC*HC:99213*100.00*80.00**1', 'DTM*472*20240101', 'CAS*CO*45*20.00'];
}

/**
 * An 835 of `claims` claims whose text is shaped by `pad`: called before each claim with the current length,
 * it may return a REF padding segment to place the following bytes exactly where a read boundary falls.
 */
function craft(claims: number, pad: (length: number) => string | null = () => null): { text: string; expected: Count } {
  const body: string[] = [];
  let text = `${HEAD.join('~\n')}~\n`;
  const add = (segment: string) => {
    body.push(segment);
    text += `${segment}~\n`;
  };
  add('ST*835*0001');
  add(`BPR*I*${(claims * 80).toFixed(2)}*C*CHK************20240405`);
  add('TRN*1*CHK1*1512345678');
  add('N1*PR*PAYER');
  add('N1*PE*PROVIDER*XX*1234567893');
  add('LX*1');
  for (let n = 1; n <= claims; n++) {
    const padding = pad(text.length);
    if (padding !== null) add(padding);
    for (const segment of claimLines(n)) add(segment);
  }
  add(`SE*${body.length + 1}*0001`);
  text += 'GE*1*1~\nIEA*1*000000001~\n';
  return { text, expected: { claims, paidCents: claims * 8000, lines: claims } };
}

/** REF*ZZ padding (its text is room + 9 characters) so that the next segment starts at `at`, if it fits here. */
function padTo(length: number, at: number): string | null {
  const room = at - length - 'REF*ZZ*~\n'.length;
  return room >= 1 && room < 400 ? `REF*ZZ*${'X'.repeat(room)}` : null;
}

/** How the text falls into 64 KiB reads: does a read end on '~', and how long is the last one. */
function reads(text: string): { endsOnTerminator: boolean; lastLength: number } {
  let endsOnTerminator = false;
  for (let end = CHUNK; end < text.length; end += CHUNK) if (text[end - 1] === '~') endsOnTerminator = true;
  return { endsOnTerminator, lastLength: text.length % CHUNK || CHUNK };
}

/** The first crafted file, from `claims` claims up, whose reads satisfy `wanted`. */
function craftUntil(claims: number, pad: (length: number) => string | null, wanted: (r: ReturnType<typeof reads>) => boolean) {
  for (let n = claims; n < claims + 2000; n++) {
    const crafted = craft(n, pad);
    if (wanted(reads(crafted.text))) return crafted;
  }
  throw new Error('no crafted file has the wanted read boundaries');
}

async function nodeX12Stream(source: Readable): Promise<Count> {
  let claims = 0;
  let paidCents = 0;
  let lines = 0;
  let corrupted: string | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      source
        .pipe(new X12Parser())
        .on('data', (segment: { tag: string; elements: { value: string }[] }) => {
          if (segment.tag === 'SVC') lines++;
          const raw = [segment.tag, ...segment.elements.map((e) => e.value)].join('*');
          if (corrupted === undefined && /[\r\n]/.test(raw)) corrupted = raw;
          if (segment.tag !== 'CLP') return;
          claims++;
          paidCents += parseCents(segment.elements[3]?.value ?? '') ?? 0;
        })
        .on('end', resolve)
        .on('error', reject);
    });
  } catch (error) {
    return { claims, paidCents, lines, corrupted, error: String(error) };
  }
  return { claims, paidCents, lines, corrupted };
}

async function oursStream(source: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>): Promise<Count> {
  let claims = 0;
  let paidCents = 0;
  let lines = 0;
  const reader = new Remit835Reader({
    onClaim: (claim) => {
      claims += 1;
      paidCents += claim.paidCents;
      lines += claim.serviceLines.length;
    },
  });
  for await (const chunk of source) reader.push(chunk);
  const result = reader.end();
  return { claims, paidCents, lines, error: result.ok ? undefined : result.error.message };
}

function show(count: Count): string {
  const notes = [count.error?.slice(0, 100), count.corrupted && `corrupted segment ${JSON.stringify(count.corrupted.slice(0, 70))}`].filter(Boolean);
  return `${count.claims} claims, ${(count.paidCents / 100).toFixed(2)} paid, ${count.lines} lines${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

function same(a: Count, b: Count): boolean {
  return !a.error && !a.corrupted && a.claims === b.claims && a.paidCents === b.paidCents && a.lines === b.lines;
}

function compare(check: string, expected: Count, nodeX12: Count, ours: Count): CheckResult {
  return {
    check,
    expected: show(expected),
    nodeX12: show(nodeX12),
    ours: show(ours),
    nodeX12Correct: same(nodeX12, expected),
    oursCorrect: same(ours, expected),
  };
}

function writeCrafted(name: string, text: string): string {
  mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, name);
  writeFileSync(file, text);
  return file;
}

export async function runNodeX12Checks(): Promise<CheckResult[]> {
  const results: CheckResult[] = [];

  // 1. Segments across 64 KiB read boundaries (one placed mid-NM1), no read ending on '~', a long last read.
  const straddle = craftUntil(1200, (length) => padTo(length, CHUNK - 10), (r) => !r.endsOnTerminator && r.lastLength >= 113);
  const straddleFile = writeCrafted('straddle.835', straddle.text);
  results.push(compare('segments straddle 64 KiB read boundaries', straddle.expected,
    await nodeX12Stream(createReadStream(straddleFile)), await oursStream(createReadStream(straddleFile))));

  // 2. Read 1 ends inside a segment, read 2 ends exactly on '~' (its '\n' opens read 3).
  const stale = craftUntil(2400, (length) => padTo(length, CHUNK - 10) ?? padTo(length, 2 * CHUNK + 1), (r) => r.lastLength >= 113);
  if (stale.text[2 * CHUNK - 1] !== '~') throw new Error('crafting: read 2 should end on the terminator');
  const staleFile = writeCrafted('terminator-at-boundary.835', stale.text);
  results.push(compare("a 64 KiB read ends exactly on '~' after one that ended mid-segment", stale.expected,
    await nodeX12Stream(createReadStream(staleFile)), await oursStream(createReadStream(staleFile))));

  // 3. The last read is shorter than node-x12's 113-character minimum document length.
  const short = craftUntil(1200, () => null, (r) => !r.endsOnTerminator && r.lastLength < 113);
  const shortFile = writeCrafted('short-last-read.835', short.text);
  results.push(compare(`the last 64 KiB read is ${reads(short.text).lastLength} characters (< 113)`, short.expected,
    await nodeX12Stream(createReadStream(shortFile)), await oursStream(createReadStream(shortFile))));

  // 4. A UTF-8 byte order mark before the ISA, in memory and streamed.
  const small = craft(3);
  const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(small.text)]);
  let inMemory: Count;
  try {
    const interchange = new X12Parser().parse(`\uFEFF${small.text}`);
    const segments = 'functionalGroups' in interchange ? interchange.functionalGroups.flatMap((g) => g.transactions.flatMap((t) => t.segments)) : [];
    const clps = segments.filter((s) => s.tag === 'CLP');
    const paidCents = clps.reduce((sum, s) => sum + (parseCents(s.elements[3]?.value ?? '') ?? 0), 0);
    inMemory = { claims: clps.length, paidCents, lines: segments.filter((s) => s.tag === 'SVC').length };
  } catch (error) {
    inMemory = { claims: 0, paidCents: 0, lines: 0, error: `throws: ${String(error)}` };
  }
  results.push(compare('a UTF-8 BOM before ISA, in memory (parse)', small.expected, inMemory, await oursStream([bom])));
  results.push(compare('a UTF-8 BOM before ISA, streamed', small.expected, await nodeX12Stream(Readable.from([bom])), await oursStream([bom])));
  return results;
}
