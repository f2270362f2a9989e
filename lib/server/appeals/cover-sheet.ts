import 'server-only';
import { longDate } from '@/lib/domain/appeals/letter-merge';
import type { IsoDate } from '@/lib/domain/dates';
import { INCH, INK, LETTER_PAGE, MUTED, composeDocument, finishDocument } from '@/lib/server/pdf/compose';

// The appeal packet's first page(s): what the payer's mailroom needs to route it — claim, patient, payer, level —
// and what is inside, each document with its pages in the packet, so a missing page is noticed.

export interface PacketCover {
  claimNumber: string;
  patientName: string;
  payerName: string;
  appealLevel: string;
  preparedOn: IsoDate;
  preparedBy: string;
}

export interface PacketEntry {
  title: string;
  firstPage: number;
  pages: number;
}

const MARGIN = INCH * 0.75;
const WIDTH = LETTER_PAGE.width - 2 * MARGIN;
// Contents columns: number, document, pages in the packet, page count.
const COLUMNS = [
  { label: '#', width: 24, align: 'left' },
  { label: 'Document', width: WIDTH - 24 - 90 - 60, align: 'left' },
  { label: 'Pages', width: 90, align: 'right' },
  { label: 'Count', width: 60, align: 'right' },
] as const;

function row(doc: PDFKit.PDFDocument, cells: readonly string[], font: 'regular' | 'bold'): void {
  doc.font(font).fontSize(10);
  const height = Math.max(...cells.map((text, i) => doc.heightOfString(text, { width: COLUMNS[i]!.width - 6 })));
  if (doc.y + height > LETTER_PAGE.height - MARGIN) {
    doc.addPage();
    if (font === 'regular') row(doc, COLUMNS.map((c) => c.label), 'bold');
    doc.font(font).fontSize(10);
  }
  const y = doc.y;
  let x = MARGIN;
  cells.forEach((text, i) => {
    const column = COLUMNS[i]!;
    doc.text(text, x, y, { width: column.width - 6, align: column.align });
    x += column.width;
  });
  doc.y = y + height + 5;
  doc.moveTo(MARGIN, doc.y - 2.5).lineTo(MARGIN + WIDTH, doc.y - 2.5).lineWidth(0.5).strokeColor('#cccccc').stroke();
}

const range = (e: PacketEntry) => (e.pages === 1 ? `${e.firstPage}` : `${e.firstPage}–${e.firstPage + e.pages - 1}`);

/** The cover sheet; `contents` lists every document, the cover itself first, with its place in the packet. */
export async function renderCoverSheet(cover: PacketCover, contents: readonly PacketEntry[], totalPages: number): Promise<Uint8Array> {
  const doc = composeDocument({ title: `Appeal packet — claim ${cover.claimNumber}`, margin: MARGIN, date: cover.preparedOn });
  doc.font('bold').fontSize(20).fillColor(INK).text('Appeal packet', MARGIN, MARGIN, { width: WIDTH });
  doc.font('regular').fontSize(13).text(`Claim ${cover.claimNumber}`, { width: WIDTH }).moveDown(1);
  const facts: [string, string][] = [
    ['Claim number', cover.claimNumber],
    ['Patient', cover.patientName],
    ['Payer', cover.payerName],
    ['Appeal level', cover.appealLevel],
    ['Prepared on', longDate(cover.preparedOn)],
    ['Prepared by', cover.preparedBy],
  ];
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.font('bold').fontSize(11).fillColor(MUTED).text(label, MARGIN, y, { width: 120 });
    doc.font('regular').fillColor(INK).text(value, MARGIN + 120, y, { width: WIDTH - 120 });
    doc.moveDown(0.3);
  }
  doc.moveDown(1).font('bold').fontSize(14).text('Contents', MARGIN, doc.y, { width: WIDTH }).moveDown(0.4);
  row(doc, COLUMNS.map((c) => c.label), 'bold');
  contents.forEach((entry, i) => row(doc, [`${i + 1}`, entry.title, range(entry), `${entry.pages}`], 'regular'));
  doc
    .moveDown(0.6)
    .font('regular')
    .fontSize(10)
    .fillColor(MUTED)
    .text(`${totalPages} ${totalPages === 1 ? 'page' : 'pages'} in all, this sheet included; every page is numbered at its foot.`, MARGIN, doc.y, { width: WIDTH });
  return finishDocument(doc);
}
