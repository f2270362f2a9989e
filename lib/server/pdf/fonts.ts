import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import pdfLibFontkit from '@pdf-lib/fontkit';
import { type Font, create } from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

// The fonts shipped in the repo (lib/server/pdf/fonts/README.md), embedded as subsets in every PDF Overturn
// makes: no PDF depends on a font the reader happens to have, and nothing is fetched at run time. Read from the
// working directory — `npm start` and the tests run from the repo root. Parsing a TrueType file costs tens of
// milliseconds a document, more than laying out a letter, so each font is parsed once per process and shared:
// a parsed font is read-only; each document takes its own subset of it.
const FONT_DIR = path.join(process.cwd(), 'lib', 'server', 'pdf', 'fonts');

export interface FontFiles {
  regular: Buffer;
  bold: Buffer;
}

let files: FontFiles | undefined;

export function pdfFonts(): FontFiles {
  files ??= {
    regular: readFileSync(path.join(FONT_DIR, 'LiberationSans-Regular.ttf')),
    bold: readFileSync(path.join(FONT_DIR, 'LiberationSans-Bold.ttf')),
  };
  return files;
}

let parsed: { regular: Font; bold: Font } | undefined;

/** The fonts parsed by fontkit 2, as pdfkit takes them (it accepts a font object wherever it takes a file). */
export function composeFonts(): { regular: Font; bold: Font } {
  const { regular, bold } = pdfFonts();
  parsed ??= { regular: create(regular) as Font, bold: create(bold) as Font };
  return parsed;
}

const pdfLibParsed = new Map<Uint8Array, ReturnType<Fontkit['create']>>();

/** pdf-lib's fontkit, remembering what it parsed for the shipped fonts (the only bytes it is given). */
export const cachedFontkit: Fontkit = {
  create(bytes, postscriptName) {
    const known = pdfLibParsed.get(bytes);
    if (known) return known;
    const font = pdfLibFontkit.create(bytes, postscriptName);
    pdfLibParsed.set(bytes, font);
    return font;
  },
};
