import 'server-only';
import PDFDocument from 'pdfkit';
import type { IsoDate } from '@/lib/domain/dates';
import { composeFonts } from './fonts';

// What the letter and the cover sheet share: a US Letter page, the shipped fonts (never the standard 14, whose
// metrics pdfkit would load and which no PDF would carry), the document's own date (a day, never the clock) —
// so the same input makes the same bytes and the same SHA-256 — and a footer written once pages are counted.

/** US Letter in points (72 to the inch). */
export const LETTER_PAGE = { width: 612, height: 792 } as const;
export const INCH = 72;
export const INK = '#111111';
export const MUTED = '#555555';

export interface ComposeOptions {
  title: string;
  margin: number;
  /** The day the document is dated: its creation date (midnight UTC), and with it pdfkit's file ID. */
  date: IsoDate;
}

export function composeDocument({ title, margin, date }: ComposeOptions): PDFKit.PDFDocument {
  // pdfkit takes a parsed font where its types say a file; the cast is the only way to say so.
  const fonts = composeFonts() as unknown as { regular: Buffer; bold: Buffer };
  const doc = new PDFDocument({
    size: 'LETTER',
    margin,
    bufferPages: true,
    font: fonts.regular as unknown as string,
    lang: 'en-US',
    displayTitle: true,
    // pdfkit derives the file ID from the info dictionary, CreationDate included, and writes it into the XMP too.
    info: { Title: title, Creator: 'Overturn', Producer: 'Overturn', CreationDate: new Date(`${date}T00:00:00Z`) },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  doc.font('regular').fillColor(INK);
  return doc;
}

/** Writes `text(n, N)` centred in every page's bottom margin, `fromBottom` points above the edge. */
export function writeFooters(doc: PDFKit.PDFDocument, text: (page: number, pages: number) => string, fromBottom: number): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    const bottom = margins.bottom;
    // Text below the bottom margin would make pdfkit start a new page; the footer lives in the margin.
    margins.bottom = 0;
    doc
      .font('regular')
      .fontSize(8)
      .fillColor(MUTED)
      .text(text(i - start + 1, count), margins.left, LETTER_PAGE.height - fromBottom, {
        width: LETTER_PAGE.width - margins.left - margins.right,
        align: 'center',
        lineBreak: false,
      });
    margins.bottom = bottom;
  }
}

/** Ends the document and gathers its bytes. */
export function finishDocument(doc: PDFKit.PDFDocument): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
    doc.end();
  });
}
