import 'server-only';
import { z } from 'zod';
import { plainText } from '@/lib/domain/contracts/text';
import type { Result } from '../errors';
import { denialRef } from './denial-ref';
import type { Actor } from '@/lib/domain/permissions';
import type { DenialStateDto } from './dto';
import { mutateDenial } from './mutate-denial';

export const addNoteInput = z.object({
  ...denialRef,
  note: plainText(z.string().trim().min(1, 'Write a note').max(4000, 'Keep a note under 4,000 characters'), 'multi-line'),
});
export type AddNoteInput = z.infer<typeof addNoteInput>;

export async function addNote(actor: Actor, input: AddNoteInput): Promise<Result<DenialStateDto>> {
  return mutateDenial(actor, input, 'edit_denial', () => ({
    data: {},
    events: [{ type: 'note', note: input.note }],
    // The text may hold PHI: the audit trail records that a note was written, the timeline holds the note.
    audit: { action: 'denial.note', details: { length: input.note.length } },
  }));
}
