import 'server-only';
import { sizeText } from '@/lib/domain/request-limits';
import { attachmentMaxBytes } from '../appeals/attachment-limit';
import { AppError } from '../errors';
import { readUpload } from '../imports/read-upload';

/**
 * The uploaded file from a raw request body, refused before it is buffered when its Content-Length says it is over
 * the limit, and cut off as soon as a body without one passes it: a 2 GB upload never reaches memory.
 */
export async function readAttachmentUpload(req: Request, filename: string): Promise<Uint8Array> {
  const max = attachmentMaxBytes();
  const declared = Number(req.headers.get('content-length') ?? NaN);
  if (declared > max) throw new AppError('too_large', `“${filename.trim()}” is larger than ${sizeText(max)}, the most one attachment may be.`);
  if (declared === 0 || !req.body) throw new AppError('invalid_input', `“${filename.trim()}” is empty (0 bytes).`);
  // One byte over the limit is enough to know; the operation then refuses it with the same message.
  return readUpload(req, max + 1);
}
