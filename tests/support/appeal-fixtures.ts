// A denial's letter facts and attachments of every kind, made in code, for the PDF tests and the packet bench.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument, StandardFonts, degrees } from 'pdf-lib';
import PDFKit from 'pdfkit';
import { PNG } from 'pngjs';
import { parseLetter } from '@/lib/domain/appeals/letter-format';
import { mergeLetter } from '@/lib/domain/appeals/letter-merge';
import type { LetterPdfInput } from '@/lib/server/appeals/letter-pdf';
import { UTIF } from '@/lib/server/pdf/utif';
import { letterFacts } from './letter-facts';

export { letterFacts } from './letter-facts';

export const LETTER_TEMPLATE = `{{today}}

{{payer.name}}
{{payer.appeals_address}}

# Request for reconsideration: claim {{claim.number}}

**Patient:** {{patient.name}} · **Member ID:** {{patient.member_id}}
**Payer claim number:** {{claim.payer_claim_number}}
**Dates of service:** {{claim.service_dates}} · **Billed:** {{claim.billed}}
**Level:** {{appeal.level}}

## Denial
{{denial.reasons}}
{{denial.remarks}}

## Services
{{claim.lines}}

## Why the services were medically necessary
${'The patient’s records show the clinical picture that made these services reasonable and necessary under Social Security Act §1862(a)(1)(A); the treating provider, {{provider.name}} (NPI {{provider.npi}}), documented the history, examination and plan of care – see the enclosed records. '.repeat(4)}

We ask that you reprocess the claim and pay {{denial.amount}}.

## Enclosures
1. Medical records
2. The remittance advice of {{denial.notice_date}}

Sincerely,
{{signer.name}}
{{signer.title}}
{{organization.name}} · {{organization.contact}}`;

/** The input of renderLetterPdf for the fixture's facts merged into a template. */
export function mergedLetter(template = LETTER_TEMPLATE): LetterPdfInput {
  const merged = mergeLetter(template, letterFacts());
  if (!merged.ok) throw new Error(`merge failed: ${JSON.stringify(merged)}`);
  return {
    letterhead: {
      name: 'Riverside Family Practice',
      addressLines: ['12 Mill Road', 'Springfield, IL 62701'],
      npi: '1234567893',
      tin: '37-1234567',
      contact: 'Dana Ortiz · (217) 555-0100 · billing@riverside.example',
    },
    blocks: parseLetter(merged.text),
    title: 'Appeal — claim CLM-0042',
    date: '2026-12-05',
  };
}

/** A PDF of `pages` pages, each saying which page it is; `rotate` turns them as a scanner's landscape page is. */
export async function samplePdf(pages: number, label = 'Attachment', rotate = 0): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([612, 792]);
    page.setRotation(degrees(rotate));
    page.drawText(`${label} page ${i}`, { x: 72, y: 700, size: 18, font });
  }
  return doc.save();
}

/** A PDF that opens without a password but is encrypted (RC4/AES with an owner password), as many payer EOBs are. */
export function encryptedPdf(): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const doc = new PDFKit({ ownerPassword: 'payer', userPassword: '', permissions: { printing: 'highResolution' } });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.text('Explanation of benefits');
    doc.end();
  });
}

const fixture = (name: string) => new Uint8Array(readFileSync(path.join(process.cwd(), 'tests/fixtures/attachments', name)));
/** The JPEG fixture (tests/fixtures/attachments/README.md). */
export const sampleJpeg = (): Uint8Array => fixture('scan.jpg');
/** A two-page CCITT G4 fax TIFF (tests/fixtures/attachments/README.md). */
export const sampleFaxTiff = (): Uint8Array => fixture('fax-g4.tif');

/** An RGBA gradient, to be a PNG or a TIFF page. */
function gradient(width: number, height: number, shade: number): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      rgba[i] = (x * 255) / width;
      rgba[i + 1] = (y * 255) / height;
      rgba[i + 2] = shade;
      rgba[i + 3] = 255;
    }
  }
  return rgba;
}

export function samplePng(width = 300, height = 400): Uint8Array {
  const png = new PNG({ width, height });
  png.data = Buffer.from(gradient(width, height, 128));
  return new Uint8Array(PNG.sync.write(png));
}

/** An uncompressed RGB TIFF with one page per entry of `shades` (a fax scan has several). */
export function sampleTiff(shades: number[], width = 200, height = 260): Uint8Array {
  const ifds = shades.map((shade) => {
    const rgba = gradient(width, height, shade);
    const rgb = new Uint8Array(width * height * 3);
    for (let p = 0; p < width * height; p++) rgb.set(rgba.subarray(p * 4, p * 4 + 3), p * 3);
    return {
      t256: [width],
      t257: [height],
      t258: [8, 8, 8],
      t259: [1],
      t262: [2],
      t273: [0],
      t277: [3],
      t278: [height],
      t279: [rgb.length],
      t284: [1],
      data: rgb,
    };
  });
  return encodeTiff(ifds);
}

/** UTIF.encode writes the directories; the strips follow them, each IFD's t273 pointing at its own. */
function encodeTiff(ifds: { t273: number[]; data: Uint8Array }[]): Uint8Array {
  const header = new Uint8Array(UTIF.encode(ifds.map(({ data: _, ...tags }) => tags) as never));
  const out = new Uint8Array(header.length + ifds.reduce((sum, f) => sum + f.data.length, 0));
  out.set(header);
  let offset = header.length;
  const patched = ifds.map((ifd) => {
    const at = offset;
    out.set(ifd.data, at);
    offset += ifd.data.length;
    return { ...ifd, t273: [at] };
  });
  // Re-encode with the real strip offsets: the directories' size does not change with the values.
  out.set(new Uint8Array(UTIF.encode(patched.map(({ data: _, ...tags }) => tags) as never)));
  return out;
}
