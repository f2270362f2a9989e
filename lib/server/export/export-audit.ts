import 'server-only';
import type { AuditEventDto, AuditSearch } from '@/lib/domain/contracts/audit';
import type { Actor } from '@/lib/domain/permissions';
import { authorize } from '../authorize';
import { reportPool } from '../db';
import { auditWhere, selectAuditEvents } from '../audit/audit-sql';
import { csvExport } from './csv-export';
import { EXPORT_BATCH } from './export-queue';

const HEADER = ['Event', 'At (UTC)', 'User', 'User email', 'Action', 'Record type', 'Record id', 'PHI read', 'IP address', 'User agent', 'Details'];

/** The trail for the filters, newest first, walked to its end one keyset batch at a time. */
async function* batches(search: AuditSearch): AsyncGenerator<AuditEventDto[]> {
  const where = auditWhere(search);
  let after: string | null = null;
  for (;;) {
    const rows = await selectAuditEvents(where, after, EXPORT_BATCH, reportPool);
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (rows.length < EXPORT_BATCH || !last) return;
    after = last.id;
  }
}

/**
 * The audit search's filters, every matching event, as a CSV download (GET /api/exports/audit). Text cells are
 * neutralised like every export's (a user agent or a record id could start with "="); the export is audited.
 */
export async function exportAudit(actor: Actor, search: AuditSearch, today: string): Promise<Response> {
  authorize(actor, 'view_audit', undefined, 'Only an administrator exports the audit trail.');
  const { cursor: _cursor, ...filters } = search;
  return csvExport(actor, {
    list: 'audit',
    filename: `audit-trail-${today}.csv`,
    header: HEADER,
    batches: batches(filters),
    toCells: (e) => [e.id, e.at, e.actor.name, e.actor.email, e.action, e.entityType, e.entityId, e.phi ? 'yes' : 'no', e.ip, e.userAgent, JSON.stringify(e.details)],
    phi: false,
    details: filters,
  });
}
