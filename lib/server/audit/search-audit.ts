import 'server-only';
import { AUDIT_PAGE_SIZE, type AuditPageDto, type AuditSearch } from '@/lib/domain/contracts/audit';
import type { Actor } from '@/lib/domain/permissions';
import { audit } from '../audit';
import { authorize } from '../authorize';
import { db } from '../db';
import { auditWhere, selectAuditEvents, selectFirstEventDay, selectLastSeal } from './audit-sql';

/**
 * One page of the audit trail for the filters, newest first (admin: view_audit). Entries name records and
 * people, not patients; member ids that appear in details are masked. The search is itself audited.
 */
export async function searchAudit(actor: Actor, search: AuditSearch): Promise<AuditPageDto> {
  authorize(actor, 'view_audit', undefined, 'Only an administrator searches the audit trail.');
  const [fetched, users, lastSeal, firstEventDay] = await Promise.all([
    selectAuditEvents(auditWhere(search), search.cursor ?? null, AUDIT_PAGE_SIZE + 1),
    db.user.findMany({ select: { id: true, name: true, email: true }, orderBy: { name: 'asc' } }),
    selectLastSeal(),
    selectFirstEventDay(),
  ]);
  const rows = fetched.slice(0, AUDIT_PAGE_SIZE);
  const { cursor, ...filters } = search;
  await audit(actor, { action: 'audit.search', entityType: 'audit_event', details: { ...filters, page: cursor ? 'next' : 'first', rows: rows.length } });
  return { lastSeal, firstEventDay, rows, nextCursor: fetched.length > AUDIT_PAGE_SIZE ? (rows.at(-1)?.id ?? null) : null, users };
}
