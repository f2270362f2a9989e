import 'server-only';
import { PDFDocument } from 'pdf-lib';
import { displayFilename, sniffAttachmentType } from '@/lib/domain/appeals/attachment-type';
import { AppError } from '@/lib/server/errors';
import { pngStructureProblem, tooManyPixels } from '@/lib/server/pdf/image-checks';
import { addImagePage, drawImageRef, embedRgba } from '@/lib/server/pdf/place-image';
import { type IFD, UTIF } from '@/lib/server/pdf/utif';

// Each document of a packet as a number of pages and a way to add them to the packet: PDFs page by page as they
// are, PNG and JPEG as one page each, TIFFs one page per image (a faxed record is usually several). Read before
// anything is added, so the cover sheet can list page ranges and a bad file is refused with its name.

export interface PacketAttachment {
  name: string;
  /** What the document is, for the contents: "Medical records", "EOB", … */
  kind: string;
  /** As stored; the bytes decide (a mislabelled file is read as what it is). */
  contentType: string;
  bytes: Uint8Array;
}

export interface PacketPart {
  title: string;
  pages: number;
  addTo(packet: PDFDocument): Promise<void>;
}

const refuse = (name: string, why: string) => new AppError('invalid_input', `“${name}” ${why}`, { filename: name });

/** A PDF (the letter, the cover or an attachment) whose pages are copied into the packet as they are. */
export async function pdfPart(title: string, name: string, bytes: Uint8Array): Promise<PacketPart> {
  let source: PDFDocument;
  let pages: number;
  try {
    // Loaded even when encrypted, to say so: pdf-lib cannot decrypt, and copying encrypted streams as they are
    // would make blank or garbled pages.
    source = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
    pages = source.getPageCount();
  } catch (error) {
    throw refuse(name, `could not be read as a PDF (${error instanceof Error ? error.message : 'unreadable'}); it may be damaged.`);
  }
  if (source.isEncrypted) {
    throw refuse(name, 'is password-protected (encrypted), so its pages cannot be copied into the packet; attach a copy saved without protection (print it to PDF).');
  }
  if (pages === 0) throw refuse(name, 'could not be read as a PDF: it has no pages; it may be damaged.');
  return {
    title,
    pages,
    async addTo(packet) {
      let copied;
      try {
        copied = await packet.copyPages(source, source.getPageIndices());
      } catch (error) {
        throw refuse(name, `could not be copied into the packet (${error instanceof Error ? error.message : 'unreadable'}); it may be damaged.`);
      }
      for (const page of copied) packet.addPage(page);
    },
  };
}

function imagePart(title: string, name: string, bytes: Uint8Array, format: 'png' | 'jpeg'): PacketPart {
  const problem = format === 'png' ? pngStructureProblem(bytes) : null;
  if (problem) throw refuse(name, `could not be read as a PNG image: ${problem}.`);
  return {
    title,
    pages: 1,
    async addTo(packet) {
      let image;
      try {
        image = format === 'png' ? await packet.embedPng(bytes) : await packet.embedJpg(bytes);
      } catch {
        throw refuse(name, `could not be read as a ${format.toUpperCase()} image; it may be damaged.`);
      }
      addImagePage(packet, image, (page, box) => page.drawImage(image, box));
    },
  };
}

function tiffPart(title: string, name: string, bytes: Uint8Array): PacketPart {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let images: IFD[];
  try {
    // Reduced-resolution copies (NewSubfileType bit 0, TIFF 6.0 §8) are thumbnails of a page, not pages.
    images = UTIF.decode(buffer).filter((ifd) => ifd.t256 && ifd.t257 && !((Number((ifd.t254 as number[] | undefined)?.[0]) || 0) & 1));
  } catch {
    images = [];
  }
  if (images.length === 0) throw refuse(name, 'could not be read as a TIFF image; it may be damaged.');
  return {
    title,
    pages: images.length,
    async addTo(packet) {
      for (const ifd of images) {
        if (tooManyPixels(Number((ifd.t256 as number[])[0]), Number((ifd.t257 as number[])[0]))) {
          throw refuse(name, 'has a page too large to place (over 60 million pixels).');
        }
        let rgba: Uint8Array;
        try {
          UTIF.decodeImage(buffer, ifd);
          rgba = UTIF.toRGBA8(ifd);
        } catch {
          throw refuse(name, 'has a page that could not be decoded (an unsupported TIFF compression?); convert it to PDF and attach that.');
        }
        const size = { width: ifd.width, height: ifd.height };
        if (!size.width || !size.height || rgba.length < size.width * size.height * 4) {
          throw refuse(name, 'has a page that could not be decoded (an unsupported TIFF compression?); convert it to PDF and attach that.');
        }
        const ref = embedRgba(packet, rgba, size);
        addImagePage(packet, size, (page, box) => drawImageRef(page, ref, box));
      }
    },
  };
}

/** An attachment as packet pages; refused with its name when it is not a readable PDF, PNG, JPEG or TIFF. */
export async function attachmentPart(attachment: PacketAttachment): Promise<PacketPart> {
  const name = displayFilename(attachment.name);
  const title = `${attachment.kind} — ${name}`;
  switch (sniffAttachmentType(attachment.bytes)) {
    case 'application/pdf':
      return pdfPart(title, name, attachment.bytes);
    case 'image/png':
      return imagePart(title, name, attachment.bytes, 'png');
    case 'image/jpeg':
      return imagePart(title, name, attachment.bytes, 'jpeg');
    case 'image/tiff':
      return tiffPart(title, name, attachment.bytes);
    default:
      throw refuse(name, 'is not a PDF, PNG, JPEG or TIFF file (checked by its content, not its name).');
  }
}
