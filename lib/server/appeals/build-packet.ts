import 'server-only';
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { cachedFontkit, pdfFonts } from '@/lib/server/pdf/fonts';
import { stampPages } from '@/lib/server/pdf/stamp-pages';
import { type PacketCover, type PacketEntry, renderCoverSheet } from './cover-sheet';
import { type PacketAttachment, type PacketPart, attachmentPart, pdfPart } from './packet-parts';

// The appeal packet (issue 13): a cover sheet listing what is inside, the letter, then each chosen attachment,
// joined into one PDF whose every page says "Claim <number> · page n of N", recorded on the appeal by SHA-256.
// The same inputs give the same bytes (no clock in any of it), so the hash names the packet.

export type { PacketAttachment } from './packet-parts';
export type { PacketCover, PacketEntry } from './cover-sheet';

export interface AppealPacketInput {
  cover: PacketCover;
  letterPdf: Uint8Array;
  attachments: readonly PacketAttachment[];
}

export interface AppealPacket {
  pdf: Uint8Array;
  pageCount: number;
  /** Hex SHA-256 of `pdf`. */
  sha256: string;
  /** Every document in order, the cover sheet first, with its first page and page count in the packet. */
  contents: PacketEntry[];
}

function placeParts(coverPages: number, parts: readonly PacketPart[]): { contents: PacketEntry[]; total: number } {
  const contents: PacketEntry[] = [{ title: 'Cover sheet', firstPage: 1, pages: coverPages }];
  let next = coverPages + 1;
  for (const part of parts) {
    contents.push({ title: part.title, firstPage: next, pages: part.pages });
    next += part.pages;
  }
  return { contents, total: next - 1 };
}

/** Refuses (AppError invalid_input, naming the file) an attachment that is encrypted, damaged or of another type. */
export async function buildAppealPacket(input: AppealPacketInput): Promise<AppealPacket> {
  const parts = [await pdfPart('Appeal letter', 'the appeal letter', input.letterPdf)];
  for (const attachment of input.attachments) parts.push(await attachmentPart(attachment));

  // The cover lists page ranges that depend on its own length: one page unless the contents are long. Its length
  // barely depends on the numbers it prints, so this settles on the first or second try.
  let coverPages = 1;
  let placed = placeParts(coverPages, parts);
  let coverPart = await pdfPart('Cover sheet', 'the cover sheet', await renderCoverSheet(input.cover, placed.contents, placed.total));
  for (let tries = 0; coverPart.pages !== coverPages && tries < 4; tries++) {
    coverPages = coverPart.pages;
    placed = placeParts(coverPages, parts);
    coverPart = await pdfPart('Cover sheet', 'the cover sheet', await renderCoverSheet(input.cover, placed.contents, placed.total));
  }
  const { contents, total } = placeParts(coverPart.pages, parts);

  const packet = await PDFDocument.create({ updateMetadata: false });
  packet.setTitle(`Appeal packet — claim ${input.cover.claimNumber}`);
  for (const part of [coverPart, ...parts]) await part.addTo(packet);
  packet.registerFontkit(cachedFontkit);
  const font = await packet.embedFont(pdfFonts().regular, { subset: true });
  stampPages(packet, font, (n, pages) => `Claim ${input.cover.claimNumber} · page ${n} of ${pages}`);
  const pdf = await packet.save();
  if (packet.getPageCount() !== total) throw new Error(`packet has ${packet.getPageCount()} pages, its contents say ${total}`);
  return { pdf, pageCount: total, sha256: createHash('sha256').update(pdf).digest('hex'), contents };
}
