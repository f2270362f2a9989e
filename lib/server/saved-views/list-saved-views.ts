import 'server-only';
import type { SavedViewDto } from '@/lib/domain/contracts/saved-views';
import { db } from '../db';

export async function listSavedViews(userId: string): Promise<SavedViewDto[]> {
  return db.savedView.findMany({ where: { userId }, select: { id: true, name: true, query: true }, orderBy: { name: 'asc' } });
}
