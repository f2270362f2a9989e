// POST /api/imports/835?filename=…: one X12 835 as the raw body (any size up to UPLOAD_MAX_BYTES); answers NDJSON
// progress, then the ingest result.
import { z } from 'zod';
import type { IngestResult } from '@/lib/domain/contracts/imports';
import { ndjsonImportResponse } from '@/lib/server/imports/progress-stream';
import { maxX12UploadBytes, uploadChunks, uploadName } from '@/lib/server/imports/read-upload';
import { process835, store835 } from '@/lib/server/remits/ingest-835';
import { parseSearch, withUser } from '@/lib/server/route';

const query = z.object({ filename: uploadName });

export const POST = withUser({ may: 'import_remits' }, async ({ req, actor }) => {
  const { filename } = parseSearch(req, query);
  // The body is stored as it arrives (in chunks, in the import's transaction), never held whole. Stored before
  // the answer starts: an upload refused on its way (too long, cut off, empty) is a 4xx with nothing written.
  const stored = await store835(actor, { filename, source: uploadChunks(req, maxX12UploadBytes()) });
  return ndjsonImportResponse(async (onProgress) => {
    const result: IngestResult = 'ok' in stored ? stored : await process835(stored, { onProgress });
    return result;
  });
});
