// GET /api/imports/[id]/rejected.csv: a CSV import's rejected rows (line, reason), as an attachment.
import { z } from 'zod';
import { rejectedRowsCsv, rejectedRowsFilename } from '@/lib/client/rejected-rows-csv';
import { downloadHeaders } from '@/lib/server/imports/download-headers';
import { readRejectedRows } from '@/lib/server/imports/read-rejected-rows';
import { withUser } from '@/lib/server/route';

const params = z.object({ id: z.uuid() });

export const GET = withUser<{ id: string }>({ may: 'view_imports' }, async ({ params: raw, actor }) => {
  const { id } = params.parse(raw);
  const { filename, rows } = await readRejectedRows(actor, id);
  const body = new TextEncoder().encode(rejectedRowsCsv(rows));
  return new Response(body, { headers: downloadHeaders(rejectedRowsFilename(filename), 'text/csv; charset=utf-8', body.byteLength) });
});
