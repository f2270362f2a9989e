// Builds large, realistic 835s for benchmarks and ingest load tests: claims taken from the real (balancing)
// samples in tests/fixtures/x12-835 plus denial claims (CLP02 = 4, CO-50, CO-197, CO-16 with MA130/M127,
// CO-29, CO-97 ...), each with a unique patient control number and payer claim control number, inside valid
// envelopes: SE01/GE01/IEA01 counts, matching control numbers, BPR02 = Σ CLP04 − Σ PLB.
//   npx tsx bench/generate-835.ts --size 100        → bench/.out/835-100mb.835
import { createWriteStream, mkdirSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../lib/domain/write-835';
import { formatCents, parseCents } from '../lib/domain/x12';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(here, '../tests/fixtures/x12-835');
/** Samples whose claims balance to the cent (the DeIdent files are masked, the others have odd lines). */
const SOURCES = [
  'edi835parser-emedny_sample.835',
  'linuxforhealth-cob-contractural-adjustment.835',
  'linuxforhealth-managed-care.835',
  'linuxforhealth-medicare-part-a.835',
  'linuxforhealth-secondary-payment.835',
];

/** A claim as segment templates: CLP01 and CLP07 are replaced per copy. */
interface ClaimTemplate {
  segments: string[][];
  paidCents: number;
}

function segmentsOf(text: string): string[][] {
  return text
    .split('~')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => s.split('*'));
}

function sampleClaims(): ClaimTemplate[] {
  const claims: ClaimTemplate[] = [];
  for (const file of SOURCES) {
    let current: string[][] | null = null;
    for (const segment of segmentsOf(readFileSync(path.join(FIXTURES, file), 'utf8'))) {
      const id = segment[0]!;
      if (id === 'CLP') claims.push({ segments: (current = [segment]), paidCents: parseCents(segment[4]!)! });
      else if (id === 'LX' || id === 'PLB' || id === 'SE' || id === 'TS3' || id === 'TS2') current = null;
      // Some samples write '>' in SVC01 while ISA16 is ':': normalise so the output is clean.
      else if (current) current.push(id === 'SVC' ? [id, segment[1]!.replaceAll('>', ':'), ...segment.slice(2)] : segment);
    }
  }
  return claims;
}

/** Denials as design.md describes them, each balancing: CLP03 − CLP04 = Σ CAS. */
const DENIALS: string[] = [
  // CLP02 = 4, medical necessity (CO-50) decided under an LCD (N115)
  'CLP*@*4*250.00*0**12*#*11*1~NM1*QC*1*DOE*JANE****MI*W123456789~NM1*82*1*SMITH*ANNA****XX*1234567893~DTM*232*20240105~DTM*233*20240105~SVC*HC:99214*250.00*0**1~DTM*472*20240105~CAS*CO*50*250.00~REF*6R*L1~LQ*HE*N115',
  // prior authorization absent (CO-197) on one line, the other paid with a fee-schedule cut (CO-45)
  'CLP*@*1*900.00*120.00*30.00*12*#*11*1~NM1*QC*1*ROE*RICHARD*A***MI*X987654321~DTM*232*20240110~DTM*233*20240110~SVC*HC:99213*200.00*120.00**1~DTM*472*20240110~CAS*CO*45*50.00~CAS*PR*2*30.00~REF*6R*L1~AMT*B6*150.00~SVC*HC:72148*700.00*0**1~DTM*472*20240110~CAS*CO*197*700.00~REF*6R*L2~LQ*HE*N54',
  // missing information (CO-16), unprocessable: correct and submit a new claim (MA130)
  'CLP*@*4*180.00*0**12*#*11*1~NM1*QC*1*POE*EDGAR****MI*Y555000111~MOA***MA130*M76~DTM*232*20240201~SVC*HC:99212*180.00*0**1~DTM*472*20240201~CAS*CO*16*180.00~REF*6R*L1',
  // missing information (CO-16) with missing medical record (M127) on the line
  'CLP*@*1*520.00*0**13*#*13*1~NM1*QC*1*LOE*MARY****MI*Z111222333~DTM*232*20240215~DTM*233*20240217~SVC*HC:97110:GP*520.00*0**4~DTM*472*20240215~CAS*CO*16*520.00~REF*6R*L1~LQ*HE*M127',
  // timely filing (CO-29)
  'CLP*@*4*75.00*0**12*#*11*1~NM1*QC*1*MOE*PETER****MI*Q100200300~DTM*232*20230101~SVC*HC:36415*75.00*0**1~DTM*472*20230101~CAS*CO*29*75.00~REF*6R*L1',
  // bundled (CO-97) line, deductible (PR-1) on the other
  'CLP*@*1*340.00*0*140.00*12*#*11*1~NM1*QC*1*KOE*LINDA****MI*R400500600~DTM*232*20240301~SVC*HC:99203:25*140.00*0**1~DTM*472*20240301~CAS*PR*1*140.00~REF*6R*L1~SVC*HC:20610*200.00*0**1~DTM*472*20240301~CAS*CO*97*200.00~REF*6R*L2~LQ*HE*N19',
  // units of service (CO-151) with M53, sequestration (CO-253) on the paid part
  'CLP*@*1*600.00*294.00**12*#*11*1~NM1*QC*1*JOE*ANDREW****MI*S700800900~DTM*232*20240320~SVC*HC:97140:GP*600.00*294.00**4~DTM*472*20240320~CAS*CO*151*300.00~CAS*CO*253*6.00~REF*6R*L1~AMT*B6*300.00~LQ*HE*M53',
];

function denialClaims(): ClaimTemplate[] {
  return DENIALS.map((text) => {
    const segments = segmentsOf(text);
    return { segments, paidCents: parseCents(segments[0]![4]!)! };
  });
}

export interface GenerateOptions {
  /** Stop after the transaction that passes this many bytes. */
  targetBytes: number;
  claimsPerTransaction?: number;
  /** Share of denial claims (0..1). */
  denialShare?: number;
  seed?: number;
}

/** Yields the file in pieces (envelope, then one string per transaction) so a 100 MB file is never one string. */
export function* generate835(options: GenerateOptions): Generator<string> {
  const { targetBytes, claimsPerTransaction = 500, denialShare = 0.3, seed = 835 } = options;
  const random = mulberry32(seed);
  const samples = sampleClaims();
  const denials = denialClaims();
  const isa = 'ISA*00*          *00*          *ZZ*OVERTURNPAYER  *ZZ*OVERTURNPROV   *240401*1200*^*00501*000000001*0*T*:~\n';
  let bytes = isa.length;
  yield isa + 'GS*HP*OVERTURNPAYER*OVERTURNPROV*20240401*1200*1*X*005010X221A1~\n';
  let transactions = 0;
  let claimNumber = 0;
  while (bytes < targetBytes) {
    transactions++;
    const control = String(transactions).padStart(4, '0');
    const body: string[] = [];
    let paidCents = 0;
    for (let n = 0; n < claimsPerTransaction; n++) {
      if (n % 100 === 0) body.push(`LX*${n / 100 + 1}`);
      const pool = random() < denialShare ? denials : samples;
      const template = pool[Math.floor(random() * pool.length)]!;
      claimNumber++;
      paidCents += template.paidCents;
      for (const segment of template.segments) {
        if (segment[0] === 'CLP') {
          const clp = [...segment];
          clp[1] = `PCN${String(claimNumber).padStart(9, '0')}`;
          clp[7] = `PCC${String(claimNumber).padStart(12, '0')}`;
          body.push(clp.join('*'));
        } else body.push(segment.join('*'));
      }
    }
    const interestCents = 100 + Math.floor(random() * 900); // L6 interest paid: a negative adjustment adds money
    // WO overpayment recovery: reduces the payment; its reference is the patient control number of a claim
    const withholdCents = Math.floor(random() * 5000);
    const plbCents = withholdCents - interestCents;
    body.push(`PLB*1234567893*20241231*L6*-${formatCents(interestCents)}*WO:PCN${String(claimNumber).padStart(9, '0')}*${formatCents(withholdCents)}`);
    const header = [
      `ST*835*${control}`,
      `BPR*I*${formatCents(paidCents - plbCents)}*C*ACH*CCP*01*999999992*DA*123456*1512345678**01*999988880*DA*98765*20240405`,
      `TRN*1*EFT${String(transactions).padStart(10, '0')}*1512345678`,
      'DTM*405*20240404',
      'N1*PR*OVERTURN TEST HEALTH PLAN',
      'N3*1 MAIN STREET',
      'N4*SPRINGFIELD*IL*62701',
      'REF*2U*99999',
      'PER*BL*PROVIDER SERVICES*TE*8005551212',
      'N1*PE*OVERTURN MEDICAL GROUP*XX*1234567893',
      'N3*100 CLINIC ROAD',
      'N4*SPRINGFIELD*IL*62702',
      'REF*TJ*123456789',
    ];
    const segments = header.length + body.length + 1;
    const text = `${[...header, ...body, `SE*${segments}*${control}`].join('~\n')}~\n`;
    bytes += text.length;
    yield text;
  }
  yield `GE*${transactions}*1~\nIEA*1*000000001~\n`;
}

/**
 * Writes a generated file and resolves with its path and size. Streamed to disk with backpressure (a piece per
 * transaction in memory, whatever the size), under a temporary name renamed at the end, so a run stopped halfway
 * leaves no partial file for the next run to take as whole.
 */
export async function writeGenerated835(file: string, options: GenerateOptions): Promise<{ file: string; bytes: number }> {
  mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.part`;
  const out = createWriteStream(partial);
  let bytes = 0;
  for (const piece of generate835(options)) {
    bytes += piece.length;
    if (!out.write(piece)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  renameSync(partial, file);
  return { file, bytes };
}

export function generatedPath(sizeMb: number): string {
  return path.join(here, '.out', `835-${sizeMb}mb.835`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const at = process.argv.indexOf('--size');
  const sizeMb = at > 0 ? Number(process.argv[at + 1]) : 10;
  const { file, bytes } = await writeGenerated835(generatedPath(sizeMb), { targetBytes: sizeMb * 1024 * 1024 });
  console.log(`wrote ${file} (${(bytes / 1024 / 1024).toFixed(1)} MB)`);
}
