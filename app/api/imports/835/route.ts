// POST /api/imports/835?filename=…: one X12 835 as the raw body; answers NDJSON progress, then the ingest result.
import { z } from 'zod';
import type { IngestResult } from '@/lib/domain/contracts/imports';
import { ndjsonImportResponse } from '@/lib/server/imports/progress-stream';
import { readUpload, uploadName } from '@/lib/server/imports/read-upload';
import { ingest835 } from '@/lib/server/remits/ingest-835';
import { parseSearch, withUser } from '@/lib/server/route';

const query = z.object({ filename: uploadName });

export const POST = withUser({ may: 'import_remits' }, async ({ req, actor }) => {
  const { filename } = parseSearch(req, query);
  const bytes = await readUpload(req);
  return ndjsonImportResponse(async (onProgress) => {
    const result: IngestResult = await ingest835(actor, { filename, bytes }, { onProgress });
    return result;
  });
});
