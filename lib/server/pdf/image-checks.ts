import 'server-only';

// Checks made before an image decoder sees the bytes. pdf-lib's PNG reader walks chunks until IEND and never
// returns on a file cut short, and a tiny file can declare a page of billions of pixels: both are refused here.

/** 60 million pixels: a US Letter page scanned at 600 dpi is 34 million. */
export const MAX_IMAGE_PIXELS = 60_000_000;

export const tooManyPixels = (width: number, height: number) => width * height > MAX_IMAGE_PIXELS;

/** Why a PNG's chunk structure is unsound (PNG spec §5.3: length, type, data, CRC; IHDR first, IEND last), or null. */
export function pngStructureProblem(bytes: Uint8Array): string | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 8;
  let first = true;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (offset + 12 + length > bytes.length) return 'it is cut short';
    if (first) {
      if (type !== 'IHDR' || length !== 13) return 'it does not start with an image header';
      if (tooManyPixels(view.getUint32(offset + 8), view.getUint32(offset + 12))) return 'its picture is too large (over 60 million pixels)';
      first = false;
    }
    if (type === 'IEND') return null;
    offset += 12 + length;
  }
  return 'it is cut short';
}
