import 'server-only';
import type { LinkedDenialDto } from '@/lib/domain/contracts/prevention';
import { type IsoDate, addDays } from '@/lib/domain/dates';
import { type Actor, can } from '@/lib/domain/permissions';
import { maskMemberId } from '@/lib/domain/prevention/front-desk';
import { Prisma } from '@/lib/generated/prisma/client';
import { audit } from '../audit';
import { authorize } from '../authorize';
import { startOfDay } from '../clock';
import { AppError } from '../errors';
import { SERVER_TIME_ZONE } from '../feedback/feedback-sql';
import { query } from '../sql';
import { LINK_WINDOW_DAYS, issueMatchesDenial } from './issue-denials-sql';

const LIMIT = 50;

/**
 * The most recent denials showing a prevention issue's cause (LINK_WINDOW_DAYS), minimum PHI: dates, payer, codes,
 * status and a masked member id. `canOpen`: the viewer may open denials (the page links them; the denial page
 * still checks each one's scope). Audited as a PHI read.
 */
export async function listIssueDenials(actor: Actor, issueId: string, today: IsoDate): Promise<{ denials: LinkedDenialDto[]; canOpen: boolean }> {
  authorize(actor, 'view_feedback', undefined, 'Your role does not include the prevention log.');
  const rows = await query<{ id: string; openedOn: IsoDate; serviceDate: IsoDate | null; payerName: string; memberId: string | null; carcCodes: string[]; status: string }>(Prisma.sql`
    SELECT d.id, to_char(d."openedAt" AT TIME ZONE ${SERVER_TIME_ZONE}, 'YYYY-MM-DD') AS "openedOn", to_char(d."serviceDate", 'YYYY-MM-DD') AS "serviceDate",
           p.name AS "payerName", d."memberId", d."carcCodes", d.status::text AS status
      FROM prevention_issue i
      JOIN denial d ON ${issueMatchesDenial} AND d."openedAt" >= ${startOfDay(addDays(today, -LINK_WINDOW_DAYS))}
      JOIN payer p ON p.id = d."payerId"
     WHERE i.id = ${issueId}::uuid
     ORDER BY d."openedAt" DESC, d.id DESC LIMIT ${LIMIT}`);
  if (rows.length === 0 && !(await query(Prisma.sql`SELECT 1 FROM prevention_issue WHERE id = ${issueId}::uuid`)).length) {
    throw new AppError('not_found', 'This prevention issue does not exist.');
  }
  await audit(actor, { action: 'prevention_issue.denials.read', entityType: 'prevention_issue', entityId: issueId, phi: rows.length > 0, details: { count: rows.length } });
  return {
    canOpen: can(actor, 'view_queue'),
    denials: rows.map(({ memberId, ...r }) => ({ ...r, memberIdMasked: maskMemberId(memberId) })),
  };
}
