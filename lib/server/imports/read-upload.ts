import 'server-only';
import { z } from 'zod';
import { sizeText } from '@/lib/domain/request-limits';
import { plainText } from '@/lib/domain/contracts/text';
import { env } from '@/lib/env';
import { AppError } from '../errors';

/**
 * What one CSV upload may carry: a CSV is read whole to be validated and grouped by payer (ingest-csv.ts), and
 * exports are small (a month of a practice's claims is a few MB), so its cap stays where it was.
 */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/**
 * What one 835 upload may carry (UPLOAD_MAX_BYTES, 2 GiB by default). An 835 is stored in chunks as it arrives
 * and read back as a stream, so memory no longer grows with the file; the cap is about disk and time (a 1 GB
 * file takes a few minutes), not memory. The ingest CLI takes any size.
 */
export function maxX12UploadBytes(): number {
  return env().UPLOAD_MAX_BYTES;
}

/** The query string of an upload: the body is the file itself, so its name travels here. */
export const uploadName = plainText(z.string().trim().min(1, 'A file name is required.').max(255))
  // Only the last path part: a browser may send "C:\fakepath\x.835", and a name is never a path here.
  .transform((name) => name.split(/[\\/]/).pop() || 'upload');

/**
 * The raw request body as it arrives, refused (AppError) as soon as it goes past `maxBytes` or its declared
 * Content-Length, or if it ends short of it or empty. A declared length over the limit or an absent body is
 * refused before anything is read.
 */
export function uploadChunks(req: Request, maxBytes = MAX_UPLOAD_BYTES): AsyncIterable<Uint8Array> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body || declared === 0) throw empty();
  const known = Number.isSafeInteger(declared) && declared > 0;
  const body = req.body;
  return (async function* () {
    const reader = body.getReader();
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > (known ? declared : maxBytes)) {
        await reader.cancel();
        throw known ? new AppError('invalid_input', 'The body is longer than its Content-Length.') : tooLarge(maxBytes);
      }
      yield value;
    }
    if (size === 0) throw empty();
    if (known && size !== declared) throw new AppError('invalid_input', 'The upload was cut off before the whole file arrived.');
  })();
}

/**
 * Reads the raw request body into one buffer (a CSV, an attachment: things read whole). With a Content-Length
 * (browsers always send one for a file) the buffer is allocated once and filled in place, so the upload is held
 * once, not twice.
 */
export async function readUpload(req: Request, maxBytes = MAX_UPLOAD_BYTES): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  const chunks = uploadChunks(req, maxBytes);
  const target = Number.isSafeInteger(declared) && declared > 0 ? new Uint8Array(declared) : null;
  const pieces: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    if (target) target.set(chunk, size);
    else pieces.push(chunk);
    size += chunk.byteLength;
  }
  if (target) return target;
  const out = new Uint8Array(size);
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.byteLength;
  }
  return out;
}

function empty() {
  return new AppError('invalid_input', 'The file is empty: there is nothing to import.');
}

function tooLarge(maxBytes: number) {
  return new AppError('too_large', `The file is larger than ${sizeText(maxBytes)}, the most one upload may carry.`);
}

