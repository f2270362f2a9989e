// Small real files for uploads: a PDF with text on each page (read back from a packet) and a grey PNG.
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { PNG } from 'pngjs';

export async function samplePdf(pages: number, label: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) doc.addPage([612, 792]).drawText(`${label} page ${i}`, { x: 72, y: 700, size: 18, font });
  return doc.save();
}

export function samplePng(width: number, height: number): Uint8Array {
  const png = new PNG({ width, height });
  png.data.fill(180);
  return new Uint8Array(PNG.sync.write(png));
}
