// POST /api/appeals/[appealId]/packet.pdf { denialId, attachmentIds }: builds the appeal's packet (letter + the chosen
// attachments in order, behind a cover sheet), records it on the appeal and answers the PDF as an attachment. A
// POST, not a GET: building records the packet (timeline, audit), and CSRF checks apply.
// GET: the packet recorded on the appeal, built again and checked against its SHA-256 (an audited PHI read).
import { z } from 'zod';
import { type PacketFile, buildPacket, buildPacketInput, readPacket } from '@/lib/server/appeals/appeal-packet';
import { downloadHeaders } from '@/lib/server/imports/download-headers';
import { withUser } from '@/lib/server/route';

const params = z.object({ appealId: z.uuid() });
const body = buildPacketInput.omit({ appealId: true });

function pdfResponse(packet: PacketFile, status = 200): Response {
  return new Response(new Blob([packet.pdf as Uint8Array<ArrayBuffer>]), {
    status,
    headers: { ...downloadHeaders(packet.filename, 'application/pdf', packet.pdf.byteLength), 'x-packet-sha256': packet.sha256, 'x-packet-pages': String(packet.pageCount) },
  });
}

export const POST = withUser<{ appealId: string }>({ may: 'edit_denial' }, async ({ req, actor, params: raw }) => {
  const { appealId } = params.parse(raw);
  const input = body.parse(await req.json().catch(() => ({})));
  return pdfResponse(await buildPacket(actor, { ...input, appealId }), 201);
});

export const GET = withUser<{ appealId: string }>({ may: 'view_denial' }, async ({ actor, params: raw }) => {
  const { appealId } = params.parse(raw);
  return pdfResponse(await readPacket(actor, appealId));
});
