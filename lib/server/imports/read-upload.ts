import 'server-only';
import { z } from 'zod';
import { sizeText } from '@/lib/domain/request-limits';
import { plainText } from '@/lib/domain/contracts/text';
import { AppError } from '../errors';

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

/** The query string of an upload: the body is the file itself, so its name travels here. */
export const uploadName = plainText(z.string().trim().min(1, 'A file name is required.').max(255))
  // Only the last path part: a browser may send "C:\fakepath\x.835", and a name is never a path here.
  .transform((name) => name.split(/[\\/]/).pop() || 'upload');

/**
 * Reads the raw request body into one buffer. With a Content-Length (browsers always send one for a
 * file) the buffer is allocated once and filled in place, so a 200 MB upload is held once, not twice.
 */
export async function readUpload(req: Request, maxBytes = MAX_UPLOAD_BYTES): Promise<Uint8Array> {
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body || declared === 0) throw empty();
  const reader = req.body.getReader();
  const known = Number.isSafeInteger(declared) && declared > 0;
  const target = known ? new Uint8Array(declared) : null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.byteLength > (target?.byteLength ?? maxBytes)) {
      await reader.cancel();
      throw known ? new AppError('invalid_input', 'The body is longer than its Content-Length.') : tooLarge(maxBytes);
    }
    if (target) target.set(value, size);
    else chunks.push(value);
    size += value.byteLength;
  }
  if (size === 0) throw empty();
  if (target) {
    if (size !== target.byteLength) throw new AppError('invalid_input', 'The upload was cut off before the whole file arrived.');
    return target;
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

function empty() {
  return new AppError('invalid_input', 'The file is empty: there is nothing to import.');
}

function tooLarge(maxBytes: number) {
  return new AppError('too_large', `The file is larger than ${sizeText(maxBytes)}, the most one upload may carry.`);
}

