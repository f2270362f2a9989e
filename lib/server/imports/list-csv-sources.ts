import 'server-only';
import { db } from '../db';

/** Source names with a saved column mapping, offered as suggestions on the upload page. */
export async function listCsvSources(): Promise<string[]> {
  const rows = await db.csvMapping.findMany({ select: { source: true }, orderBy: { source: 'asc' }, take: 200 });
  return rows.map((r) => r.source);
}
