// POST /api/imports/835?filename=…: one X12 835 as the raw body (any size up to UPLOAD_MAX_BYTES); answers NDJSON
// progress, then the ingest result.
import { z } from 'zod';
import type { IngestResult } from '@/lib/domain/contracts/imports';
import { ndjsonImportResponse } from '@/lib/server/imports/progress-stream';
import { maxX12UploadBytes, uploadChunks, uploadName } from '@/lib/server/imports/read-upload';
import { ingest835 } from '@/lib/server/remits/ingest-835';
import { parseSearch, withUser } from '@/lib/server/route';

const query = z.object({ filename: uploadName });

export const POST = withUser({ may: 'import_remits' }, async ({ req, actor }) => {
  const { filename } = parseSearch(req, query);
  // The body is stored as it arrives (in chunks, in the import's transaction), never held whole: an upload
  // refused on its way (too long, cut off) rolls back and says why in the stream.
  const source = uploadChunks(req, maxX12UploadBytes());
  return ndjsonImportResponse(async (onProgress) => {
    const result: IngestResult = await ingest835(actor, { filename, source }, { onProgress });
    return result;
  });
});
