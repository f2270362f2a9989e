import 'server-only';
import { db } from '../db';

/** The managers' stored checklists (a category absent here shows its default) and the version of each. */
export async function readChecklists(): Promise<{ items: Map<string, string[]>; versions: Map<string, number> }> {
  const rows = await db.preventionChecklist.findMany({ select: { category: true, items: true, version: true } });
  return { items: new Map(rows.map((r) => [r.category, r.items])), versions: new Map(rows.map((r) => [r.category, r.version])) };
}
