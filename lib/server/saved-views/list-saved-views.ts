import 'server-only';
import { db } from '../db';

export interface SavedViewDto {
  id: string;
  name: string;
  /** The queue's URL search string, e.g. "view=team&payer=…&sort=deadline". */
  query: string;
}

export async function listSavedViews(userId: string): Promise<SavedViewDto[]> {
  return db.savedView.findMany({ where: { userId }, select: { id: true, name: true, query: true }, orderBy: { name: 'asc' } });
}
