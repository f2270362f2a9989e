import 'server-only';
import {
  type PDFDocument,
  type PDFPage,
  type PDFRef,
  concatTransformationMatrix,
  drawObject,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';

// An image on a page of its own, scaled to fit US Letter inside margins (turned to landscape when the image is
// wider than tall), leaving the foot of the page clear for the packet's page number.

const PORTRAIT: [number, number] = [612, 792];
const MARGIN = 36;
const FOOT = 30;

export interface ImageSize {
  width: number;
  height: number;
}

/** A new last page with `draw` given the rectangle that fits the image. */
export function addImagePage(doc: PDFDocument, size: ImageSize, draw: (page: PDFPage, box: { x: number; y: number; width: number; height: number }) => void): void {
  const landscape = size.width > size.height;
  const page = doc.addPage(landscape ? [PORTRAIT[1], PORTRAIT[0]] : PORTRAIT);
  const boxWidth = page.getWidth() - 2 * MARGIN;
  const boxHeight = page.getHeight() - MARGIN - FOOT - MARGIN / 2;
  const scale = Math.min(boxWidth / size.width, boxHeight / size.height);
  const width = size.width * scale;
  const height = size.height * scale;
  draw(page, { x: MARGIN + (boxWidth - width) / 2, y: FOOT + MARGIN / 2 + (boxHeight - height) / 2, width, height });
}

/**
 * Decoded pixels (RGBA, 8 bits) as an image XObject: grey when every pixel is, with a soft mask only when some
 * pixel is not opaque — a scanned fax page is a third of its RGB size. Written straight into the PDF, not
 * through a PNG the PDF writer would decode again.
 */
export function embedRgba(doc: PDFDocument, rgba: Uint8Array, { width, height }: ImageSize): PDFRef {
  const pixels = width * height;
  let grey = true;
  let opaque = true;
  for (let p = 0; p < pixels && (grey || opaque); p++) {
    const i = p * 4;
    if (rgba[i] !== rgba[i + 1] || rgba[i] !== rgba[i + 2]) grey = false;
    if (rgba[i + 3] !== 255) opaque = false;
  }
  const channels = grey ? 1 : 3;
  const colour = new Uint8Array(pixels * channels);
  const alpha = opaque ? null : new Uint8Array(pixels);
  for (let p = 0; p < pixels; p++) {
    const i = p * 4;
    if (grey) colour[p] = rgba[i]!;
    else colour.set(rgba.subarray(i, i + 3), p * 3);
    if (alpha) alpha[p] = rgba[i + 3]!;
  }
  const image = { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, BitsPerComponent: 8 };
  const mask = alpha && doc.context.register(doc.context.flateStream(alpha, { ...image, ColorSpace: 'DeviceGray' }));
  const dict = { ...image, ColorSpace: grey ? 'DeviceGray' : 'DeviceRGB', ...(mask ? { SMask: mask } : {}) };
  return doc.context.register(doc.context.flateStream(colour, dict));
}

/** Draws an image XObject into a rectangle of the page. */
export function drawImageRef(page: PDFPage, ref: PDFRef, box: { x: number; y: number; width: number; height: number }): void {
  const name = page.node.newXObject('Image', ref);
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(box.width, 0, 0, box.height, box.x, box.y), drawObject(name), popGraphicsState());
}
