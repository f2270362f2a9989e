// POST /api/imports/csv/preview?source=…: the start of a CSV as the body; answers its headers, first rows and mapping.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import type { CsvPreview } from '@/lib/domain/contracts/imports';
import { plainText } from '@/lib/domain/contracts/text';
import { readUpload } from '@/lib/server/imports/read-upload';
import { previewCsv } from '@/lib/server/remits/preview-csv';
import { parseSearch, withUser } from '@/lib/server/route';

// The browser sends only the first 256 KB; a little headroom, but never a whole export.
const MAX_PREVIEW_BYTES = 2 * 1024 * 1024;
const query = z.object({ source: plainText(z.string().trim().max(100)).optional() });

export const POST = withUser({ may: 'import_remits' }, async ({ req, actor }) => {
  const { source } = parseSearch(req, query);
  const bytes = await readUpload(req, MAX_PREVIEW_BYTES);
  const preview: CsvPreview = await previewCsv(actor, bytes, source || undefined);
  return NextResponse.json(preview, { headers: { 'cache-control': 'no-store' } });
});
