import 'server-only';
import type { Tx } from '../db';

// STUB until the appeal letters land on main (lib/server/appeals/letter-document.ts appealLetterDocument): the
// packet is written against its signature. Deleted at that merge.
export interface AppealLetterDocument {
  pdf: Uint8Array;
  pageCount: number;
  title: string;
  templateName: string;
  templateVersion: number;
}

export async function appealLetterDocument(_tx: Tx, _appealId: string): Promise<AppealLetterDocument | null> {
  return null;
}
