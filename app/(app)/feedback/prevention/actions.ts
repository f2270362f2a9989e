'use server';
import { revalidatePath } from 'next/cache';
import { createPreventionIssueInput, updatePreventionIssueInput } from '@/lib/domain/contracts/prevention';
import { authedAction } from '@/lib/server/action';
import { createPreventionIssue } from '@/lib/server/prevention/create-prevention-issue';
import { updatePreventionIssue } from '@/lib/server/prevention/update-prevention-issue';

export const createPreventionIssueAction = authedAction(createPreventionIssueInput, { may: 'manage_prevention' }, async (input, { actor }) => {
  const result = await createPreventionIssue(actor, input);
  revalidatePath('/feedback/prevention');
  return result;
});

export const updatePreventionIssueAction = authedAction(updatePreventionIssueInput, { may: 'manage_prevention' }, async (input, { actor }) => {
  const result = await updatePreventionIssue(actor, input);
  // Saved or refused as stale, the pages should show what is stored now.
  revalidatePath('/feedback/prevention');
  revalidatePath(`/feedback/prevention/${input.id}`);
  return result;
});
