import 'server-only';
import type { LetterBlock, TextRun } from '@/lib/domain/appeals/letter-format';
import type { LetterheadDto } from '@/lib/domain/contracts/appeal-letters';
import type { IsoDate } from '@/lib/domain/dates';
import { INCH, INK, MUTED, composeDocument, finishDocument, writeFooters } from '@/lib/server/pdf/compose';

// The appeal letter as a PDF (issue 13, design.md "What an appeal letter holds"): the practice's letterhead, then
// the specialist's reviewed text — headings, paragraphs (line breaks kept, for addresses), bulleted and numbered
// lists, bold runs — on US Letter with 1-inch margins, wrapped over as many pages as it takes, each page footed
// "Page n of N". The same input gives the same bytes: the PDF is dated by `date`, never by the clock.

/** The organisation's letterhead (lib/domain/contracts/appeal-letters.ts): the printed page prints the same one. */
export type Letterhead = LetterheadDto;

export interface LetterPdfInput {
  letterhead: Letterhead;
  blocks: readonly LetterBlock[];
  /** The PDF's title (its document properties and the viewer's window). */
  title: string;
  /** The letter's date ("today" of its facts): the PDF's creation date. */
  date: IsoDate;
}

const BODY_SIZE = 11;
const HEADING_SIZE = { 1: 14, 2: 12 } as const;
const LIST_INDENT = 18;
const BLOCK_GAP = 0.6; // of a line, between blocks

/**
 * The longest run of characters with no break opportunity handed to pdfkit. Its line wrapper measures the
 * rest of a word too long for the line again at every line it breaks off, so one unbroken word costs time
 * quadratic in its length: 8,000 characters took 8 s, and a 100,000-character letter body (the most a letter
 * holds) would keep the server busy for minutes (found by npm run fuzz). A zero-width space every so many
 * characters gives it a break opportunity that prints nothing (U+200B has a zero-width glyph in the font).
 * 40 characters of the widest letter fit the narrowest line (a list item at body size).
 */
const UNBROKEN = 40;
const LONG_WORD = new RegExp(`[^\\s\u200b]{${UNBROKEN + 1},}`, 'gu');

export function breakLongWords(text: string): string {
  return text.replace(LONG_WORD, (word) => {
    const chars = Array.from(word); // whole code points: never split a surrogate pair
    const pieces: string[] = [];
    for (let i = 0; i < chars.length; i += UNBROKEN) pieces.push(chars.slice(i, i + UNBROKEN).join(''));
    return pieces.join('\u200b');
  });
}

function writeRuns(doc: PDFKit.PDFDocument, runs: readonly TextRun[], x: number, width: number, size: number, allBold = false): void {
  const parts = runs.filter((r) => r.text !== '');
  if (parts.length === 0) {
    doc.moveDown(1);
    return;
  }
  parts.forEach((run, i) => {
    doc.font(allBold || run.bold ? 'bold' : 'regular').fontSize(size);
    const options = { width, continued: i < parts.length - 1, lineGap: 2 };
    if (i === 0) doc.text(breakLongWords(run.text), x, doc.y, options);
    else doc.text(breakLongWords(run.text), options);
  });
}

function writeLetterhead(doc: PDFKit.PDFDocument, head: Letterhead): void {
  const { left } = doc.page.margins;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.font('bold').fontSize(16).fillColor(INK).text(head.name, left, doc.y, { width });
  doc.font('regular').fontSize(10);
  for (const line of head.addressLines) doc.text(line, { width });
  const ids = [head.npi && `NPI ${head.npi}`, head.tin && `TIN ${head.tin}`, head.contact].filter(Boolean).join(' · ');
  if (ids) doc.fillColor(MUTED).fontSize(9).text(ids, { width }).fillColor(INK);
  const ruleY = doc.y + 6;
  doc.moveTo(left, ruleY).lineTo(left + width, ruleY).lineWidth(0.75).strokeColor('#999999').stroke();
  doc.y = ruleY + 18;
}

function ensureRoom(doc: PDFKit.PDFDocument, lines: number): void {
  if (doc.y + lines * doc.currentLineHeight(true) > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function writeBlock(doc: PDFKit.PDFDocument, block: LetterBlock): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  if (block.kind === 'heading') {
    doc.fontSize(HEADING_SIZE[block.level]);
    ensureRoom(doc, 3); // a heading is never the last line of a page
    writeRuns(doc, block.runs, left, width, HEADING_SIZE[block.level], true);
  } else if (block.kind === 'paragraph') {
    for (const line of block.lines) writeRuns(doc, line, left, width, BODY_SIZE);
  } else {
    block.items.forEach((item, i) => {
      doc.font('regular').fontSize(BODY_SIZE);
      ensureRoom(doc, 1);
      const y = doc.y;
      doc.text(block.ordered ? `${i + 1}.` : '•', left, y, { width: LIST_INDENT, lineBreak: false });
      doc.y = y;
      writeRuns(doc, item, left + LIST_INDENT, width - LIST_INDENT, BODY_SIZE);
      doc.moveDown(0.2);
    });
  }
  doc.x = left;
  doc.fontSize(BODY_SIZE).moveDown(BLOCK_GAP);
}

export async function renderLetterPdf(input: LetterPdfInput): Promise<Uint8Array> {
  const doc = composeDocument({ title: input.title, margin: INCH, date: input.date });
  writeLetterhead(doc, input.letterhead);
  for (const block of input.blocks) writeBlock(doc, block);
  writeFooters(doc, (n, total) => `Page ${n} of ${total}`, INCH / 2 + 4);
  return finishDocument(doc);
}
