'use server';
import { revalidatePath } from 'next/cache';
import { updateChecklistInput } from '@/lib/domain/contracts/prevention';
import { authedAction } from '@/lib/server/action';
import { updateChecklist } from '@/lib/server/prevention/update-checklist';

export const updateChecklistAction = authedAction(updateChecklistInput, { may: 'manage_prevention' }, async (input, { actor }) => {
  const result = await updateChecklist(actor, input);
  // Saved or refused as stale, the page should show what is stored now.
  revalidatePath('/feedback');
  return result;
});
