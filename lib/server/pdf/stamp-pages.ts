import 'server-only';
import { type PDFDocument, type PDFFont, PDFContentStream, degrees, grayscale, popGraphicsState, pushGraphicsState } from 'pdf-lib';

// A line at the foot of every page ("Claim 123 · page 4 of 20"), where a reader holding the page sees its foot:
// a page turned by /Rotate gets the line along the edge that ends up at the bottom, reading left to right.

const SIZE = 8;
const FROM_EDGE = 16;

/**
 * Existing page content may leave the graphics state changed (a `cm` without `q`/`Q` around it); wrapping it in
 * q … Q puts the stamp back in the page's own coordinates.
 */
function isolateContent(doc: PDFDocument, page: ReturnType<PDFDocument['getPage']>): void {
  page.node.normalize();
  const open = doc.context.register(PDFContentStream.of(doc.context.obj({}), [pushGraphicsState()]));
  const close = doc.context.register(PDFContentStream.of(doc.context.obj({}), [popGraphicsState()]));
  page.node.wrapContentStreams(open, close);
}

export function stampPages(doc: PDFDocument, font: PDFFont, text: (page: number, pages: number) => string): void {
  const pages = doc.getPages();
  pages.forEach((page, index) => {
    isolateContent(doc, page);
    const line = text(index + 1, pages.length);
    const half = font.widthOfTextAtSize(line, SIZE) / 2;
    const { x, y, width, height } = page.getCropBox();
    const turn = (((page.getRotation().angle % 360) + 360) % 360) as 0 | 90 | 180 | 270;
    // Where the line starts and which way it runs, for each quarter turn the viewer applies (clockwise).
    const at = {
      0: { x: x + width / 2 - half, y: y + FROM_EDGE },
      90: { x: x + width - FROM_EDGE, y: y + height / 2 - half },
      180: { x: x + width / 2 + half, y: y + height - FROM_EDGE },
      270: { x: x + FROM_EDGE, y: y + height / 2 + half },
    }[turn] ?? { x: x + width / 2 - half, y: y + FROM_EDGE };
    page.drawText(line, { ...at, size: SIZE, font, color: grayscale(0.3), rotate: degrees(turn) });
  });
}
