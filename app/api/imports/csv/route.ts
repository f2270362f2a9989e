// POST /api/imports/csv?filename=…&source=…&mapping=…&saveMapping=…: one CSV as the raw body; answers NDJSON progress, then the result.
import { z } from 'zod';
import { CSV_FIELDS, type IngestCsvResult } from '@/lib/domain/contracts/imports';
import { plainText } from '@/lib/domain/contracts/text';
import { ndjsonImportResponse } from '@/lib/server/imports/progress-stream';
import { readUpload, uploadName } from '@/lib/server/imports/read-upload';
import { ingestCsv } from '@/lib/server/remits/ingest-csv';
import { parseSearch, withUser } from '@/lib/server/route';

const mapping = z
  .string()
  .max(8_000)
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: 'custom', message: 'The mapping is not JSON.' });
      return z.NEVER;
    }
  })
  .pipe(z.partialRecord(z.enum(CSV_FIELDS), plainText(z.string().min(1).max(200))));

const query = z.object({
  filename: uploadName,
  source: plainText(z.string().trim().min(1, 'Name the source of this file.').max(100)),
  mapping,
  saveMapping: z.stringbool().default(false),
});

export const POST = withUser({ may: 'import_remits' }, async ({ req, actor }) => {
  const input = parseSearch(req, query);
  const bytes = await readUpload(req);
  return ndjsonImportResponse(async (onProgress) => {
    const result: IngestCsvResult = await ingestCsv(actor, { ...input, bytes }, { onProgress });
    return result;
  });
});
