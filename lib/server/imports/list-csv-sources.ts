import 'server-only';
import type { Actor } from '@/lib/domain/permissions';
import { authorize } from '../authorize';
import { db } from '../db';

/** Source names with a saved column mapping, offered as suggestions on the upload page. */
export async function listCsvSources(actor: Actor): Promise<string[]> {
  authorize(actor, 'import_remits', undefined, 'Your role does not include importing remittances.');
  const rows = await db.csvMapping.findMany({ select: { source: true }, orderBy: { source: 'asc' }, take: 200 });
  return rows.map((r) => r.source);
}
