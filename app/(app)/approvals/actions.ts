'use server';
import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/server/action';
import { decideWriteOffs, decideWriteOffsInput } from '@/lib/server/write-offs/decide-write-offs';

export const decideWriteOffsAction = authedAction(decideWriteOffsInput, { may: 'approve_writeoff' }, async (input, { actor }) => {
  const result = await decideWriteOffs(actor, input);
  if (result.ok) revalidatePath('/approvals');
  return result;
});
