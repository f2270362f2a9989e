import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { type PacketAttachment, buildAppealPacket } from '@/lib/server/appeals/build-packet';
import { renderLetterPdf } from '@/lib/server/appeals/letter-pdf';
import { encryptedPdf, mergedLetter, sampleFaxTiff, sampleJpeg, samplePdf, samplePng, sampleTiff } from '../../support/appeal-fixtures';
import { pdfText } from '../../support/pdf-text';

/** A PNG whose header declares width × height; the rest of the file is a small image's. */
function pngOfSize(width: number, height: number): Uint8Array {
  const png = samplePng(2, 2);
  const view = new DataView(png.buffer, png.byteOffset);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return png;
}

const cover = {
  claimNumber: 'CLM-0042',
  patientName: 'María Williams',
  payerName: 'Acme Health Plan',
  appealLevel: 'Level 1 appeal',
  preparedOn: '2026-12-05',
  preparedBy: 'Sam Rivera',
};

let letterPdf: Uint8Array;
let letterPages: number;
let attachments: PacketAttachment[];

beforeAll(async () => {
  letterPdf = await renderLetterPdf(mergedLetter());
  letterPages = (await PDFDocument.load(letterPdf)).getPageCount();
  attachments = [
    { name: 'visit-notes.pdf', kind: 'Medical records', contentType: 'application/pdf', bytes: await samplePdf(2, 'Visit notes') },
    { name: 'eob.png', kind: 'EOB', contentType: 'image/png', bytes: samplePng() },
    { name: 'auth.jpg', kind: 'Authorization proof', contentType: 'image/jpeg', bytes: sampleJpeg() },
    { name: 'fax.tiff', kind: 'Payer correspondence', contentType: 'image/tiff', bytes: sampleTiff([0, 200]) },
  ];
});

describe('buildAppealPacket', () => {
  it('has cover + letter pages + attachment pages, each document listed with its place', async () => {
    const packet = await buildAppealPacket({ cover, letterPdf, attachments });
    expect(packet.pageCount).toBe(1 + letterPages + 2 + 1 + 1 + 2);
    expect((await PDFDocument.load(packet.pdf)).getPageCount()).toBe(packet.pageCount);
    const l = letterPages;
    expect(packet.contents).toEqual([
      { title: 'Cover sheet', firstPage: 1, pages: 1 },
      { title: 'Appeal letter', firstPage: 2, pages: l },
      { title: 'Medical records — visit-notes.pdf', firstPage: 2 + l, pages: 2 },
      { title: 'EOB — eob.png', firstPage: 4 + l, pages: 1 },
      { title: 'Authorization proof — auth.jpg', firstPage: 5 + l, pages: 1 },
      { title: 'Payer correspondence — fax.tiff', firstPage: 6 + l, pages: 2 },
    ]);
    expect(packet.sha256).toBe(createHash('sha256').update(packet.pdf).digest('hex'));
  });

  it('reads back with the claim, the patient, the CARC description, the contents and every page stamped', async () => {
    const packet = await buildAppealPacket({ cover, letterPdf, attachments });
    const { pages, text } = await pdfText(packet.pdf);
    expect(pages).toHaveLength(packet.pageCount);
    expect(text).toContain('María Williams');
    expect(text.replace(/\s+/g, ' ')).toContain('not deemed a medical necessity by the payer');
    expect(pages[0]).toContain('Medical records — visit-notes.pdf');
    expect(pages[0]).toContain(`${packet.pageCount} pages in all`);
    pages.forEach((page, i) => expect(page).toContain(`Claim CLM-0042 · page ${i + 1} of ${packet.pageCount}`));
    expect(pages[1 + letterPages]).toContain('Visit notes page 1');
  });

  it('makes the same bytes from the same documents', async () => {
    const [a, b] = [await buildAppealPacket({ cover, letterPdf, attachments }), await buildAppealPacket({ cover, letterPdf, attachments })];
    expect(a.sha256).toBe(b.sha256);
  });

  it.each([90, 180, 270])('stamps a page turned %i° along the edge a reader sees at the bottom', async (turn) => {
    const turned = { name: 'landscape.pdf', kind: 'EOB', contentType: 'application/pdf', bytes: await samplePdf(1, 'Turned', turn) };
    const packet = await buildAppealPacket({ cover, letterPdf, attachments: [turned] });
    const last = (await pdfText(packet.pdf)).pages.at(-1);
    expect(last).toContain(`Claim CLM-0042 · page ${packet.pageCount} of ${packet.pageCount}`);
  });

  it('turns a two-page CCITT G4 fax TIFF into two grey pages', async () => {
    const fax = { name: 'fax-g4.tif', kind: 'Payer correspondence', contentType: 'image/tiff', bytes: sampleFaxTiff() };
    const packet = await buildAppealPacket({ cover, letterPdf, attachments: [fax] });
    expect(packet.contents.at(-1)).toEqual({ title: 'Payer correspondence — fax-g4.tif', firstPage: 2 + letterPages, pages: 2 });
    expect(packet.pageCount).toBe(1 + letterPages + 2);
    const raw = Buffer.from(packet.pdf).toString('latin1');
    expect(raw.match(/\/Subtype \/Image/g)).toHaveLength(2);
    expect(raw).toContain('/ColorSpace /DeviceGray');
  });

  it('lets a long contents list run onto a second cover page and counts it', async () => {
    const many = Array.from({ length: 45 }, (_, i) => ({ name: `photo-${i + 1}.jpg`, kind: 'Medical records', contentType: 'image/jpeg', bytes: sampleJpeg() }));
    const packet = await buildAppealPacket({ cover, letterPdf, attachments: many });
    expect(packet.contents[0]).toEqual({ title: 'Cover sheet', firstPage: 1, pages: 2 });
    expect(packet.contents[1]!.firstPage).toBe(3);
    expect(packet.pageCount).toBe(2 + letterPages + 45);
    expect((await pdfText(packet.pdf)).pages[1]).toContain('photo-45.jpg');
  });

  it.each([
    ['an encrypted PDF', async () => encryptedPdf(), '“eob.pdf” is password-protected (encrypted)'],
    ['a damaged PDF', async () => new TextEncoder().encode('%PDF-1.7\n%%EOF garbage'), '“eob.pdf” could not be read as a PDF'],
    ['a PNG cut short', async () => samplePng().slice(0, 60), '“eob.pdf” could not be read as a PNG image'],
    ['a JPEG cut short', async () => sampleJpeg().slice(0, 40), '“eob.pdf” could not be read as a JPEG image'],
    ['a PNG claiming a billion pixels', async () => pngOfSize(40_000, 40_000), '“eob.pdf” could not be read as a PNG image: its picture is too large'],
    ['a Word file', async () => new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]), '“eob.pdf” is not a PDF, PNG, JPEG or TIFF file'],
    ['a TIFF header alone', async () => new Uint8Array([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]), '“eob.pdf” could not be read as a TIFF image'],
  ])('refuses %s with a message naming the file', { timeout: 10_000 }, async (_, bytes, message) => {
    const bad = { name: '../uploads/eob.pdf', kind: 'EOB', contentType: 'application/pdf', bytes: await bytes() };
    const attempt = buildAppealPacket({ cover, letterPdf, attachments: [attachments[0]!, bad] });
    await expect(attempt).rejects.toMatchObject({ name: 'AppError', code: 'invalid_input', details: { filename: 'eob.pdf' } });
    await expect(attempt).rejects.toThrow(message);
  });
});
