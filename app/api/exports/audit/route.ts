// The audit trail for the search's filters, every event, as a streamed CSV download (admin).
import { auditSearchSchema } from '@/lib/domain/contracts/audit';
import { todayIso } from '@/lib/server/clock';
import { exportAudit } from '@/lib/server/export/export-audit';
import { parseSearch, withUser } from '@/lib/server/route';

export const GET = withUser({ may: 'view_audit' }, async ({ actor, req }) => exportAudit(actor, parseSearch(req, auditSearchSchema), todayIso()));
