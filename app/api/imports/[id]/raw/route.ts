// GET /api/imports/[id]/raw: the uploaded file byte for byte, as an attachment (an audited PHI read), streamed
// from its stored chunks.
import { z } from 'zod';
import { downloadHeaders, FORMAT_CONTENT_TYPE } from '@/lib/server/imports/download-headers';
import { readRawFile } from '@/lib/server/imports/read-raw-file';
import { withUser } from '@/lib/server/route';

const params = z.object({ id: z.uuid() });

export const GET = withUser<{ id: string }>({ may: 'download_raw_file' }, async ({ params: raw, actor }) => {
  const { id } = params.parse(raw);
  const file = await readRawFile(actor, id);
  return new Response(file.content, { headers: downloadHeaders(file.filename, FORMAT_CONTENT_TYPE[file.format], file.sizeBytes) });
});
