// What each fuzz target runs: the path the app takes with such input, from bytes to what it would write.
//   835     bytes → Remit835Reader (ASCII fast path, the upload's chunking at random sizes, as read835Into)
//           → each claim classified and turned into COPY rows (addClaimRows), as an import writes them;
//           and parse835 on the whole, which must agree on success or failure.
//   csv     bytes → readCsv → the suggested mapping, refused as the server refuses it → checkRow per row →
//           csvRowToClaim → classified and turned into COPY rows.
//   letter  template → templateBody's rules → draftAppealLetter (merge) → the specialist's edits → the letter
//           body's rules → parseLetter → renderLetterPdf.
// A case passes when it returns — data, a refusal, or the reader's positioned error — and fails on any other
// throw or on a result that breaks the reader's promise (an error that does not say where).
import { parseLetter } from '@/lib/domain/appeals/letter-format';
import { draftAppealLetter, letterTitle, MAX_LETTER_BODY } from '@/lib/domain/appeals/appeal-letter';
import type { LetterFacts } from '@/lib/domain/appeals/letter-merge';
import { controlCharacterIn } from '@/lib/domain/contracts/text';
import { templateBody } from '@/lib/domain/contracts/templates';
import type { CodeMapping } from '@/lib/domain/code-mapping';
import { mappingProblems, mappingRefusal, suggestMapping } from '@/lib/domain/csv-mapping';
import { parse835, Remit835Reader, type Claim, type ReadResult } from '@/lib/domain/x12';
import { asciiText } from '@/lib/node/ascii-text';
import { type Letterhead, renderLetterPdf } from '@/lib/server/appeals/letter-pdf';
import { codeMappingFromFiles } from '@/lib/server/codes/code-mapping-files';
import { addClaimRows, classifyClaim } from '@/lib/server/remits/claim-rows';
import { csvRowToClaim } from '@/lib/server/remits/csv-claim';
import { checkRow, readCsv } from '@/lib/server/remits/read-csv';
import { remitTables } from '@/lib/server/remits/remit-tables';
import { csvInput } from './csv-inputs';
import { letterInput, type LetterCase } from './letter-inputs';
import type { Rng } from './prng';
import { x12Input } from './x12-inputs';

export const TARGET_NAMES = ['835', 'csv', 'letter'] as const;
export type TargetName = (typeof TARGET_NAMES)[number];

/** A result that breaks a reader's promise: reported like a crash. */
export class BrokenPromise extends Error {}

export interface Target {
  name: TargetName;
  /** The saved input's file extension. */
  ext: string;
  input(rng: Rng): Uint8Array;
  /** Resolves with a word on what happened ("read", "refused", …); rejects on a bug. */
  run(input: Uint8Array, rng: Rng): Promise<string>;
}

let mapping: CodeMapping | null = null;
const codeMapping = () => (mapping ??= codeMappingFromFiles());
const PLACE = { remittanceId: '0190a1b2-0000-7000-8000-000000000001', payerId: '0190a1b2-0000-7000-8000-000000000002', noticeDate: null };

let tables: ReturnType<typeof remitTables> | null = null;

/** What an import does with each claim it reads: classify it, and encode its rows for COPY (then dropped). */
function writeRows(claims: readonly Claim[]): void {
  tables ??= remitTables(); // one set per thread: making one allocates ~1 ms of buffers
  for (const claim of claims) addClaimRows(tables, PLACE, claim, classifyClaim(claim, codeMapping()));
  for (const table of Object.values(tables)) table.take();
}

function positioned(result: ReadResult): void {
  if (result.ok) return;
  const { error } = result;
  if (error.code === 'empty') return;
  if (!(error.segmentIndex !== null && error.segmentIndex > 0 && /^segment \d+/.test(error.message))) {
    throw new BrokenPromise(`an error that does not say where: ${JSON.stringify(error)}`);
  }
}

const x12: Target = {
  name: '835',
  ext: '835',
  input: x12Input,
  async run(bytes, rng) {
    const claims: Claim[] = [];
    const reader = new Remit835Reader({ asciiText, onClaim: (claim) => void claims.push(claim) });
    for (let at = 0; at < bytes.length; ) {
      const size = rng.chance(0.5) ? 16 * 1024 : rng.int(1, 4096);
      if (!reader.push(bytes.subarray(at, at + size))) break;
      at += size;
      if (claims.length > 500) writeRows(claims.splice(0));
    }
    const streamed = reader.end();
    positioned(streamed);
    writeRows(claims);
    const whole = parse835(bytes);
    positioned(whole);
    if (whole.ok !== streamed.ok) throw new BrokenPromise(`read whole: ${whole.ok ? 'ok' : whole.error.message}; read in chunks: ${streamed.ok ? 'ok' : streamed.error.message}`);
    return streamed.ok ? 'read' : `refused: ${streamed.error.code}`;
  },
};

const csv: Target = {
  name: 'csv',
  ext: 'csv',
  input: csvInput,
  async run(bytes) {
    const table = readCsv(bytes);
    const mapping = suggestMapping(table.headers);
    if (mappingRefusal(mappingProblems(mapping, table.headers))) return 'refused: mapping';
    const claims: Claim[] = [];
    let rejected = 0;
    for (const { line, cells } of table.rows) {
      const checked = checkRow(cells, table.headers, mapping);
      if (checked.ok) claims.push(csvRowToClaim(checked.row, line));
      else rejected++;
    }
    writeRows(claims);
    return rejected ? 'read, rows rejected' : 'read';
  },
};

/** The letter editor's rule for a saved body (lib/server/appeals/appeal-letters.ts saveLetter). */
function bodyRefusal(body: string): string | null {
  if (body.length > MAX_LETTER_BODY) return 'too long';
  return controlCharacterIn(body, 'multi-line');
}

/** The letterhead as letter-document.ts's letterheadOf makes it (not imported: that module reads the database). */
function letterhead(o: LetterFacts['organization']): Letterhead {
  const contact = [o.contactName, o.contactPhone, o.contactEmail].map((v) => v?.trim() || null).filter(Boolean).join(' · ');
  return { name: (o.name ?? '').trim(), addressLines: o.addressLines, npi: o.npi?.trim() || null, tin: o.tin?.trim() || null, contact: contact || null };
}

const letter: Target = {
  name: 'letter',
  ext: 'json',
  input: letterInput,
  async run(bytes) {
    const { template, facts, edits } = JSON.parse(new TextDecoder().decode(bytes)) as LetterCase;
    if (!templateBody.safeParse(template).success) return 'refused: template';
    const merged = draftAppealLetter(template, facts);
    if (!merged.ok) return 'refused: merge';
    const lines = merged.text.split('\n');
    for (const { at, text } of edits) lines.splice(Math.min(at, lines.length), 0, text);
    const body = lines.join('\n');
    if (bodyRefusal(body)) return 'refused: body';
    const pdf = await renderLetterPdf({ letterhead: letterhead(facts.organization), blocks: parseLetter(body), title: letterTitle(facts.claim.number, facts.appeal.levelName), date: facts.today });
    if (new TextDecoder().decode(pdf.subarray(0, 5)) !== '%PDF-') throw new BrokenPromise('the renderer returned something that is not a PDF');
    return 'rendered';
  },
};

export const TARGETS: Record<TargetName, Target> = { '835': x12, csv, letter };
