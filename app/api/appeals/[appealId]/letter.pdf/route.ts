// GET /api/appeals/[appealId]/letter.pdf: the appeal's letter as a PDF, always downloaded (never shown inline) and
// never cached. appealLetterPdf checks the actor may see the appeal's denial (another team's answers 404) and
// audits the read.
import { z } from 'zod';
import { appealLetterPdf } from '@/lib/server/appeals/appeal-letters';
import { downloadHeaders } from '@/lib/server/imports/download-headers';
import { withUser } from '@/lib/server/route';

const params = z.object({ appealId: z.uuid() });

export const GET = withUser<{ appealId: string }>({ may: 'view_denial' }, async ({ params: raw, actor }) => {
  const { appealId } = params.parse(raw);
  const { pdf, filename } = await appealLetterPdf(actor, appealId);
  return new Response(new Blob([pdf as Uint8Array<ArrayBuffer>]), { headers: downloadHeaders(filename, 'application/pdf', pdf.byteLength) });
});
