// POST /api/denials/[id]/attachments?filename=…&kind=…&appealId=…: one file as the raw request body (so the browser's
// XHR reports real upload progress); answers the stored attachment. Type, size and name are checked by addAttachment.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import type { AttachmentUploadResult } from '@/lib/domain/contracts/attachments';
import { addAttachment, addAttachmentInput } from '@/lib/server/attachments/add-attachment';
import { readAttachmentUpload } from '@/lib/server/attachments/read-attachment-upload';
import { parseSearch, withUser } from '@/lib/server/route';

const params = z.object({ id: z.uuid() });
const query = addAttachmentInput.omit({ denialId: true });

export const POST = withUser<{ id: string }>({ may: 'edit_denial' }, async ({ req, actor, params: raw }) => {
  const { id } = params.parse(raw);
  const input = parseSearch(req, query.extend({ appealId: z.union([z.uuid(), z.literal('').transform(() => undefined)]).optional() }));
  const bytes = await readAttachmentUpload(req, input.filename);
  const attachment = await addAttachment(actor, { ...input, denialId: id, bytes });
  return NextResponse.json({ ok: true, attachment } satisfies AttachmentUploadResult, { status: 201 });
});
