// GET /api/attachments/[attachmentId]: the file as uploaded, saved (never rendered) by the browser; an audited PHI read.
// DELETE: removes it from its denial (timeline + audit; refused once it went to the payer in a submitted packet).
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { readAttachment } from '@/lib/server/attachments/read-attachment';
import { removeAttachment } from '@/lib/server/attachments/remove-attachment';
import { downloadHeaders } from '@/lib/server/imports/download-headers';
import { withUser } from '@/lib/server/route';

const params = z.object({ attachmentId: z.uuid() });

export const GET = withUser<{ attachmentId: string }>({ may: 'view_denial' }, async ({ params: raw, actor }) => {
  const { attachmentId } = params.parse(raw);
  const file = await readAttachment(actor, attachmentId);
  return new Response(new Blob([file.content as Uint8Array<ArrayBuffer>]), {
    headers: downloadHeaders(file.filename, file.contentType, file.content.byteLength),
  });
});

export const DELETE = withUser<{ attachmentId: string }>({ may: 'edit_denial' }, async ({ params: raw, actor }) => {
  const { attachmentId } = params.parse(raw);
  await removeAttachment(actor, attachmentId);
  return NextResponse.json({ ok: true });
});
